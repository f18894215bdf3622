using FluentValidation;
using FluentValidation.Results;

namespace KnowledgeEngine.Rules.Validation;

/// <summary>Carries the finished <see cref="Diagnostic"/> in each failure's state, so messages
/// with braces (templates) never pass through FluentValidation's placeholder formatter.</summary>
internal static class ValidationExtensions
{
    public static IRuleBuilderOptions<T, TProperty> Report<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, string code, Func<T, TProperty, SourceSpan> span,
        Func<T, TProperty, string> message, Func<T, TProperty, string?> fix) =>
        rule.WithErrorCode(code).WithState((t, p) => new Diagnostic(code, DiagnosticSeverity.Error, span(t, p), message(t, p), fix(t, p)));

    public static void Report<T>(this ValidationContext<T> context, string code, SourceSpan span, string message, string? fix) =>
        context.AddFailure(new ValidationFailure(code, message)
        {
            ErrorCode = code,
            CustomState = new Diagnostic(code, DiagnosticSeverity.Error, span, message, fix),
        });

    public static void CopyTo(this ValidationResult result, DiagnosticBag bag)
    {
        foreach (var failure in result.Errors)
        {
            if (failure.CustomState is Diagnostic diagnostic)
            {
                bag.Add(diagnostic);
            }
        }
    }
}
