package dev.weft.mapping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonataExpressionTest {

  @Test
  void rewritesTheRootOnlyOutsideStringsNamesAndComments() {
    assertThat(JsonataExpression.rewriteRoot("$$.a & \"$$\" & '$$' & `$$x` /* $$ */ & $$"))
        .isEqualTo("$__weft_record.a & \"$$\" & '$$' & `$$x` /* $$ */ & $__weft_record");
    assertThat(JsonataExpression.rewriteRoot("\"a\\\"$$\" & $$.b")).isEqualTo("\"a\\\"$$\" & $__weft_record.b");
    assertThat(JsonataExpression.rewriteRoot("$ * 2")).isEqualTo("$ * 2");
  }

  @Test
  void evaluatesOnTheValueWithTheRecordAndConfigBound() throws RowFailure {
    JsonataExpression e = JsonataExpression.parseOnValue("$ & '/' & $$.b & '/' & $config.c").expression().orElseThrow();
    assertThat(e.evaluate("a", Map.of("b", "B"), Map.of("c", "C"))).isEqualTo("a/B/C");
  }

  @Test
  void anEmptyOrBrokenExpressionIsAnErrorNotAnException() {
    assertThat(JsonataExpression.parseOnValue(" ").error()).contains("empty expression");
    assertThat(JsonataExpression.parseOnRecord("a +").error()).isPresent();
  }

  @Test
  void undefinedIsNull() throws RowFailure {
    JsonataExpression e = JsonataExpression.parseOnRecord("nope").expression().orElseThrow();
    assertThat(e.evaluate(Map.of("a", 1), Map.of("a", 1), Map.of())).isNull();
  }
}
