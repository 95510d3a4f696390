package org.relief.careers.jobs;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code careers:json-ld="${data}"} on a {@code <script type="application/ld+json">} writes {@code
 * data} as JSON that cannot end or alter the element it sits in.
 *
 * <p>Why not {@code th:text} or JavaScript inlining: {@code th:text} HTML-escapes the quotes, which
 * a script element does not unescape, so the JSON breaks; Thymeleaf's JavaScript inlining escapes
 * {@code </} but leaves {@code <!--<script}, which switches the HTML parser into the "double
 * escaped" state so that the element's own end tag no longer ends it (HTML Living Standard,
 * 13.2.5.20). Here every {@code <}, {@code >} and {@code &} becomes a {@code \}{@code u} escape;
 * these characters occur in JSON only inside strings, so the data stays the same and no markup can
 * appear (security checklist #20).
 */
@Component
class JsonLdDialect extends AbstractProcessorDialect {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  JsonLdDialect() {
    super("Careers JSON-LD", "careers", 1000);
  }

  @Override
  public java.util.Set<IProcessor> getProcessors(String prefix) {
    return java.util.Set.of(new JsonLdProcessor(prefix));
  }

  /** The JSON text of {@code data}, safe inside a script element. */
  static String scriptSafe(Object data) {
    String json = JSON.writeValueAsString(data);
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final class JsonLdProcessor extends AbstractAttributeTagProcessor {

    JsonLdProcessor(String prefix) {
      super(TemplateMode.HTML, prefix, "script", false, "json-ld", true, 1000, true);
    }

    @Override
    protected void doProcess(
        ITemplateContext context,
        IProcessableElementTag tag,
        AttributeName attributeName,
        String attributeValue,
        IElementTagStructureHandler structureHandler) {
      Object data =
          StandardExpressions.getExpressionParser(context.getConfiguration())
              .parseExpression(context, attributeValue)
              .execute(context);
      structureHandler.setBody(scriptSafe(data), false);
    }
  }
}
