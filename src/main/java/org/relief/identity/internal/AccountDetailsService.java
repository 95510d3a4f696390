package org.relief.identity.internal;

import java.time.Clock;
import java.util.Locale;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads an account for sign-in; usernames are matched without regard to case. */
@Service
class AccountDetailsService implements UserDetailsService {

  private final UserRepository users;
  private final Clock clock;

  AccountDetailsService(UserRepository users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String normalised = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    UserRepository.Credentials c =
        users
            .credentials(normalised)
            .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    boolean locked = c.lockedUntil() != null && c.lockedUntil().isAfter(clock.instant());
    return User.withUsername(c.username())
        .password(c.passwordHash())
        .disabled(!c.enabled())
        .accountLocked(locked)
        .authorities(
            c.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
        .build();
  }
}
