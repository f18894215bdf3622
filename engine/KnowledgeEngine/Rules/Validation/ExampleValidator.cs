using System.Text.Json;
using FluentValidation;
using KnowledgeEngine.Rules.Loading;
using KnowledgeEngine.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Rules.Validation;

/// <summary>Checks that an example can run: its bundle exists, its inline JSON and YAML files
/// parse, and expected captures come with a firing expectation.</summary>
internal sealed class ExampleValidator : AbstractValidator<ExampleModel>
{
    public ExampleValidator(KnowledgeCatalog? catalog)
    {
        RuleFor(e => e.Bundle).Must(b => catalog!.HasPath(b!.Value))
            .When(e => e.Bundle is not null && catalog is not null)
            .Report(LoaderCodes.ExampleBundle, (_, b) => b!.Span, (_, b) => $"example bundle '{b!.Value}' does not exist",
                (_, _) => "write the bundle's path relative to the knowledge base root (the folder that holds rules/ and knowledge/), e.g. rules/cloudpods/examples/host-mac-changed/fires");
        RuleFor(e => e.Case).Must(c => catalog!.HasPath(c!.Value))
            .When(e => e.Case is not null && catalog is not null)
            .Report(LoaderCodes.ExampleBundle, (_, c) => c!.Span, (_, c) => $"example case '{c!.Value}' does not exist",
                (_, _) => "write the case file's path relative to the knowledge base root, e.g. tests/real-cases/talos-6736-kubelet-serving-cert-csr-not-approved.yaml");
        RuleFor(e => e.Captures).Must((e, c) => e.Expect?.Value != ExampleExpectation.Silent)
            .When(e => e.Captures.Count > 0)
            .Report(LoaderCodes.ExampleCaptures, (e, _) => e.Expect!.Span, (_, _) => "a silent example lists captures, but a rule that does not fire captures nothing",
                (_, _) => "remove captures, or expect: fires");
        RuleFor(e => e.Rank).Must(r => r!.Value >= 1 && r.Value == Math.Floor(r.Value))
            .When(e => e.Rank is not null)
            .Report(LoaderCodes.OutOfRange, (_, r) => r!.Span, (_, r) => $"rank must be a whole number from 1, found {r!.Value}",
                (_, _) => "write rank: 1 for the cause the diagnosis must put first");
        RuleFor(e => e.Rank).Must((e, _) => e.Expect?.Value != ExampleExpectation.Silent)
            .When(e => e.Rank is not null)
            .Report(LoaderCodes.ExampleCaptures, (e, _) => e.Expect!.Span, (_, _) => "a silent example gives a rank, but a rule that does not fire has no place in the ranking",
                (_, _) => "remove rank, or expect: fires");
        RuleFor(e => e).Custom(CheckFiles);
    }

    private static void CheckFiles(ExampleModel example, ValidationContext<ExampleModel> context)
    {
        foreach (var (path, content) in example.Files)
        {
            if (path.Value.StartsWith('/') || path.Value.Split('/').Contains(".."))
            {
                context.Report(LoaderCodes.ExampleFile, path.Span, $"inline file '{path.Value}' leaves the bundle",
                    "write a path inside the bundle, e.g. logs/host.log");
                continue;
            }

            var extension = Path.GetExtension(path.Value).ToLowerInvariant();
            if (extension == ".json" && JsonError(content.Value) is { } json)
            {
                context.Report(LoaderCodes.ExampleFile, content.Span, $"inline file '{path.Value}' is not valid JSON: {json}",
                    "fix the JSON, or give the file another extension if it is not JSON");
            }
            else if (extension is ".yaml" or ".yml" && YamlError(content.Value) is { } yaml)
            {
                context.Report(LoaderCodes.ExampleFile, content.Span, $"inline file '{path.Value}' is not valid YAML: {yaml}",
                    "fix the YAML; inside a block scalar (|) its indentation is relative to the first line");
            }
        }
    }

    private static string? JsonError(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
            return null;
        }
        catch (JsonException e)
        {
            return e.Message.TrimEnd('.');
        }
    }

    private static string? YamlError(string text)
    {
        try
        {
            new YamlStream().Load(new StringReader(text));
            return null;
        }
        catch (YamlException e)
        {
            return $"line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}";
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return $"the parser stopped ({e.Message.TrimEnd('.')})"; // YamlDotNet's scanner on mangled bytes
        }
    }
}
