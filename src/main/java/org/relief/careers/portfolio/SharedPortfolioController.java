package org.relief.careers.portfolio;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A shared portfolio, opened by its link without an account (the token is the credential). Not
 * cached and not passed on as a referrer; expired or withdrawn links answer 410.
 */
@Controller
class SharedPortfolioController {

  private final PortfolioShares shares;

  SharedPortfolioController(PortfolioShares shares) {
    this.shares = shares;
  }

  @GetMapping("/portfolio/shared/{token}")
  String open(@PathVariable String token, Model model, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    try {
      model.addAttribute("shared", shares.open(token));
      return "careers/shared";
    } catch (PortfolioShares.Expired e) {
      response.setStatus(HttpStatus.GONE.value());
      return "careers/shared-expired";
    }
  }
}
