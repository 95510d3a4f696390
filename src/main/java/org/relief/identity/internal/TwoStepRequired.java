package org.relief.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a person whose role requires two-step sign-in, and who has not set it up yet, on the setup
 * page: every other page sends them there, and every other form is refused (security checklist #16:
 * a password-only session cannot reach patient data).
 */
@Component
public class TwoStepRequired extends OncePerRequestFilter {

  static final String ATTRIBUTE = "relief.twoStepSetupRequired";

  private static final List<String> OPEN =
      List.of("/account/security", "/logout", "/login", "/css/", "/js/", "/webjars/", "/error");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean pending = session != null && Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE));
    if (!pending || OPEN.stream().anyMatch(path::startsWith)) {
      chain.doFilter(request, response);
      return;
    }
    if ("GET".equals(request.getMethod())) {
      response.sendRedirect(request.getContextPath() + "/account/security");
    } else {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }
}
