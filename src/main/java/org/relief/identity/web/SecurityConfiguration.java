package org.relief.identity.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.relief.identity.api.ApiErrors;
import org.relief.identity.internal.SignInRateLimit;
import org.relief.identity.internal.TwoStepRequired;
import org.relief.platform.AccessRules;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three filter chains: the token endpoint (client authentication in the endpoint itself), the
 * bearer-token API ({@code /api/**}, {@code /fhir/**}: stateless, no cookies, no CSRF), and the
 * pages (form login, sessions in PostgreSQL, CSRF on every form). Each module contributes the rules
 * for its own URLs through {@link AccessRules}; any URL no module claims is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

  /** Scripts, styles and images only from Relief itself; no plug-ins, no framing, no base tag. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";

  /** The rate limit runs inside the pages chain only, not as a filter of its own for every URL. */
  @Bean
  FilterRegistrationBean<SignInRateLimit> signInRateLimitRegistration(SignInRateLimit limit) {
    FilterRegistrationBean<SignInRateLimit> registration = new FilterRegistrationBean<>(limit);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  FilterRegistrationBean<TwoStepRequired> twoStepRequiredRegistration(TwoStepRequired filter) {
    FilterRegistrationBean<TwoStepRequired> registration = new FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
    return new SpringAuthorizationEventPublisher(publisher);
  }

  @Bean
  @Order(1)
  SecurityFilterChain tokenEndpoint(HttpSecurity http) throws Exception {
    http.securityMatcher("/oauth2/token", "/oauth2/revoke")
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .requestCache(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(
      HttpSecurity http,
      List<AccessRules> rules,
      OpaqueTokenIntrospector introspector,
      ApiErrors errors)
      throws Exception {
    http.securityMatcher("/api/**", "/fhir/**")
        .authorizeHttpRequests(
            a -> {
              rules.forEach(r -> r.api(a));
              a.anyRequest().denyAll();
            })
        .oauth2ResourceServer(
            o ->
                o.opaqueToken(t -> t.introspector(introspector))
                    .authenticationEntryPoint(errors)
                    .accessDeniedHandler(errors))
        .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
        .csrf(c -> c.disable())
        .requestCache(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(
      HttpSecurity http,
      List<AccessRules> rules,
      UserDetailsService accounts,
      PasswordEncoder passwordEncoder,
      AuthenticationSuccessHandler onSuccess,
      AuthenticationFailureHandler onFailure,
      LogoutSuccessHandler onLogout,
      SignInRateLimit rateLimit,
      TwoStepRequired twoStepRequired)
      throws Exception {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
    provider.setPasswordEncoder(passwordEncoder);
    // The password is checked before the account's state, so that a locked or disabled account
    // answers exactly like a wrong password, in the same time.
    provider.setPreAuthenticationChecks(user -> {});
    provider.setPostAuthenticationChecks(
        user -> {
          if (!user.isEnabled()) {
            throw new DisabledException("disabled");
          }
          if (!user.isAccountNonLocked()) {
            throw new LockedException("locked");
          }
        });
    http.authenticationProvider(provider)
        .addFilterBefore(rateLimit, UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(twoStepRequired, AuthorizationFilter.class)
        .authorizeHttpRequests(
            a -> {
              a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
              a.requestMatchers(
                      "/css/**",
                      "/js/**",
                      "/images/**",
                      "/webjars/**",
                      "/favicon.ico",
                      "/login",
                      "/error",
                      "/actuator/health",
                      "/actuator/health/**")
                  .permitAll();
              rules.forEach(r -> r.pages(a));
              a.anyRequest().denyAll();
            })
        .formLogin(
            f ->
                f.loginPage("/login")
                    .successHandler(onSuccess)
                    .failureHandler(onFailure)
                    .permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(onLogout))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                    .permissionsPolicyHeader(
                        p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")));
    return http.build();
  }
}
