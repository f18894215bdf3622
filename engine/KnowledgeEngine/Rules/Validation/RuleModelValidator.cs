using System.Text.RegularExpressions;
using FluentValidation;
using KnowledgeEngine.Rules.Loading;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Validation;

/// <summary>Checks of one rule that need no other rule: id shape, platform, ranges, the knowledge
/// link, names, and each condition and example.</summary>
internal sealed partial class RuleModelValidator : AbstractValidator<RuleModel>
{
    public RuleModelValidator(KnowledgeCatalog? catalog)
    {
        RuleFor(r => r.Id).Must(id => IdPattern().IsMatch(id!.Value)).When(r => r.Id is not null)
            .Report(LoaderCodes.BadId, (_, id) => id!.Span, (_, id) => $"rule id '{id!.Value}' is not <platform>/<name>",
                (_, _) => "use lower-case words joined by '-', e.g. id: cloudpods/host-mac-changed");
        RuleFor(r => r.Platform).Must((r, p) => r.Id!.Value.Split('/')[0] == p!.Value)
            .When(r => r.Id is not null && r.Platform is not null && IdPattern().IsMatch(r.Id.Value))
            .Report(LoaderCodes.PlatformMismatch, (_, p) => p!.Span,
                (r, p) => $"platform '{p!.Value}' differs from the id's prefix '{r.Id!.Value.Split('/')[0]}'",
                (r, _) => $"write platform: {r.Id!.Value.Split('/')[0]} or rename the id");
        RuleFor(r => r.Cause!.Confidence).Must(c => c!.Value is >= 0 and <= 1).When(r => r.Cause?.Confidence is not null)
            .Report(LoaderCodes.OutOfRange, (_, c) => c!.Span, (_, c) => $"confidence must lie between 0 and 1, found {c!.Value}",
                (_, _) => "write the prior confidence as a fraction, e.g. confidence: 0.7");
        RuleFor(r => r.Knowledge).Must(k => catalog!.HasArticle(k!.Value))
            .When(r => r.Knowledge is not null && catalog is { KnowsArticles: true })
            .Report(LoaderCodes.UnknownArticle, (_, k) => k!.Span, (_, k) => $"knowledge article '{k!.Value}' does not exist under knowledge/",
                (_, k) => Articles.Suggest(catalog!, k!.Value));
        RuleFor(r => r).Custom(UniqueNames);
        RuleForEach(r => r.When).SetValidator(new ConditionValidator());
        RuleForEach(r => r.Evidence).SetValidator(new ConditionValidator());
        RuleForEach(r => r.Against).SetValidator(new ConditionValidator());
        RuleForEach(r => r.Examples).SetValidator(new ExampleValidator(catalog));
    }

    private static void UniqueNames(RuleModel rule, ValidationContext<RuleModel> context)
    {
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        foreach (var name in rule.Conditions.Select(c => c.Name).OfType<Located<string>>())
        {
            if (seen.TryGetValue(name.Value, out var first))
            {
                context.Report(LoaderCodes.DuplicateName, name.Span, $"the name '{name.Value}' is already used at {first.Line}:{first.Column}",
                    "give each condition its own name with 'as'");
            }
            else if (name.Value == "bundle")
            {
                context.Report(LoaderCodes.BadName, name.Span, "the name 'bundle' is reserved: it always means the bundle's own metadata",
                    "choose another name, e.g. as: meta");
            }
            else
            {
                seen[name.Value] = name.Span;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
