using FluentValidation;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules.Compilation;
using KnowledgeEngine.Rules.Expressions;
using KnowledgeEngine.Rules.Loading;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Validation;

/// <summary>Checks of one condition that need no scope: weights, regexes and their capture
/// names, and settings that only some fact kinds accept.</summary>
internal sealed class ConditionValidator : AbstractValidator<ConditionModel>
{
    private static readonly string[] Levels = ["trace", "debug", "info", "warning", "error", "fatal"];

    public ConditionValidator()
    {
        RuleFor(c => c.Weight).Must(w => w!.Value is >= 0 and <= 1).When(c => c.Weight is not null)
            .Report(LoaderCodes.OutOfRange, (_, w) => w!.Span, (_, w) => $"weight must lie between 0 and 1, found {w!.Value}",
                (_, _) => "write how much the item moves the confidence as a fraction, e.g. weight: 0.3");
        RuleFor(c => c.Count!.Within).Must((c, _) => c.Kind.Value == FactKind.Log).When(c => c.Count?.Within is not null)
            .Report(LoaderCodes.MisplacedKey, (_, w) => w!.Span,
                (c, _) => $"'within' needs timestamps, which only log facts have; this is a {c.Kind.Value.ToString().ToLowerInvariant()} condition",
                (_, _) => "remove 'within' to count without a time window");
        RuleFor(c => c.Absent).Must((c, a) => !a!.Value || c.Count is null).When(c => c.Absent is not null)
            .Report(LoaderCodes.MisplacedKey, (_, a) => a!.Span, (c, _) => $"a {c.Kind.Value.ToString().ToLowerInvariant()} condition cannot be both absent and counted",
                (_, _) => "remove count or absent");
        RuleFor(c => c.Property("level")).Must(l => Levels.Contains(l!.Value)).When(c => c.Property("level") is not null)
            .Report(LoaderCodes.BadValue, (_, l) => l!.Span, (_, l) => $"level must be one of {string.Join(", ", Levels)}, found '{l!.Value}'",
                (_, l) => Levels.FirstOrDefault(known => known.StartsWith(l!.Value, StringComparison.OrdinalIgnoreCase)) is { } prefix ? $"did you mean '{prefix}'?"
                    : NameSuggestions.Closest(l!.Value, Levels) is { Length: > 0 } close ? close.TrimEnd() : "kb normalises every log format to these names, e.g. level: error");
        RuleFor(c => c).Custom(CheckRegex);
    }

    /// <summary>The .NET reason without the pattern and offset it repeats.</summary>
    private static string Reason(System.Text.RegularExpressions.RegexParseException e)
    {
        var marker = $"at offset {e.Offset}. ";
        var at = e.Message.IndexOf(marker, StringComparison.Ordinal);
        return (at >= 0 ? e.Message[(at + marker.Length)..] : e.Message).TrimEnd('.');
    }

    private static void CheckRegex(ConditionModel condition, ValidationContext<ConditionModel> context)
    {
        if (condition.Property("regex") is not { } regex)
        {
            return;
        }

        LazyRegex compiled;
        try
        {
            compiled = LazyRegex.Get(regex.Value);
        }
        catch (ArgumentException e)
        {
            var detail = e is System.Text.RegularExpressions.RegexParseException parse ? $"{Reason(parse)} (at offset {parse.Offset} of the pattern)" : e.Message;
            context.Report(LoaderCodes.BadRegex, regex.Span, $"invalid regex '{regex.Value}': {detail}",
                "fix the pattern; escape a literal character with a backslash, e.g. \\( or \\.");
            return;
        }

        foreach (var name in compiled.GroupNames.Where(n => !int.TryParse(n, out _)))
        {
            if (LogFields.Names.Contains(name))
            {
                context.Report(LoaderCodes.CaptureName, regex.Span, $"capture '{name}' has the name of a log field, so {name} would be ambiguous",
                    $"rename the group, e.g. (?<{name}_value>...)");
            }
            else if (!char.IsAsciiLetterLower(name[0]))
            {
                context.Report(LoaderCodes.CaptureName, regex.Span, $"capture '{name}' does not start with a lower-case letter",
                    "name groups like conditions: lower-case letters, digits and '_', e.g. (?<old_mac>...)");
            }
        }
    }
}
