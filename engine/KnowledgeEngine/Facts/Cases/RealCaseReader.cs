using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeEngine.Facts.Cases;

/// <summary>Reads a real-case file (tests/real-cases/README.md). Every problem is a
/// <see cref="CaseFileException"/> naming file, line and column and what to write instead.</summary>
public static class RealCaseReader
{
    private static readonly string[] CaseKeys = ["id", "platform", "source", "failure_class", "expect", "label_confidence", "cause", "fix", "files"];
    private static readonly string[] FileKeys = ["path", "stored", "kind", "name", "origin", "content"];
    private static readonly string[] Kinds = ["log", "api_state", "config", "command_output"];
    private static readonly string[] Confidences = ["high", "medium", "low"];

    /// <summary>The case files of a folder (*.yaml, README excluded), in name order.</summary>
    public static IReadOnlyList<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();

    public static RealCase Read(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaseFileException($"{file}: cannot read the case file ({e.Message})");
        }

        return Parse(file, text);
    }

    public static RealCase Parse(string file, string text)
    {
        var root = Load(file, text);
        var map = Mapping(file, root, "a case", CaseKeys);
        var id = Required(file, map, root, "id");
        var expected = Path.GetFileNameWithoutExtension(file);
        if (id != expected)
        {
            throw Error(file, map["id"], $"id '{id}' differs from the file name", $"name the file {id}.yaml or set id: {expected}");
        }

        var confidence = Required(file, map, root, "label_confidence");
        if (!Confidences.Contains(confidence))
        {
            throw Error(file, map["label_confidence"], $"label_confidence '{confidence}' is not one of {string.Join(", ", Confidences)}", "say how sure the thread is about its cause");
        }

        var expect = Required(file, map, root, "expect");
        if (!map.TryGetValue("files", out var filesNode) || filesNode is not YamlSequenceNode { Children.Count: > 0 } files)
        {
            throw Error(file, map.GetValueOrDefault("files") ?? root, "a case needs files: a list of { path, stored, kind, content }", "copy the thread's machine output into files");
        }

        return new RealCase(file, id, Required(file, map, root, "platform"), Required(file, map, root, "source"),
            expect == RealCase.None ? null : expect, confidence, files.Children.Select(f => Entry(file, f)).ToList())
        {
            FailureClass = Optional(file, map, "failure_class"),
            Cause = Optional(file, map, "cause"),
            Fix = Optional(file, map, "fix"),
        };
    }

    private static CaseFileEntry Entry(string file, YamlNode node)
    {
        var map = Mapping(file, node, "a file of a case", FileKeys);
        var path = Required(file, map, node, "path");
        if (Path.IsPathRooted(path) || path.Replace('\\', '/').Split('/').Any(p => p is ".." or "." or ""))
        {
            throw Error(file, map["path"], $"path '{path}' must be relative and stay inside the case", "write it as the collector stores it, e.g. var/log/cloudstack/agent/agent.log");
        }

        var stored = Required(file, map, node, "stored");
        if (!Enum.TryParse<CaseStorage>(stored, ignoreCase: true, out var storage) || stored != stored.ToLowerInvariant())
        {
            throw Error(file, map["stored"], $"stored '{stored}' is not collector or loose", "collector when the path is where the platform's collector keeps the file, loose for a paste saved under the command's name");
        }

        var kind = Required(file, map, node, "kind");
        if (!Kinds.Contains(kind))
        {
            throw Error(file, map["kind"], $"kind '{kind}' is not one of {string.Join(", ", Kinds)}", "say what the excerpt is");
        }

        if (!map.TryGetValue("content", out var content) || content is not YamlScalarNode { Value: { Length: > 0 } value })
        {
            throw Error(file, map.GetValueOrDefault("content") ?? node, $"{path} has no content", "paste the machine output under content: |");
        }

        return new CaseFileEntry(path, storage, kind, value, (int)content.Start.Line)
        {
            Name = Optional(file, map, "name"),
            Origin = Optional(file, map, "origin"),
        };
    }

    private static YamlNode Load(string file, string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode
                : throw new CaseFileException($"{file}:1:1: a case file holds exactly one YAML document, found {stream.Documents.Count}");
        }
        catch (YamlException e)
        {
            throw new CaseFileException($"{file}:{e.Start.Line}:{e.Start.Column}: not valid YAML ({e.Message}) — fix the syntax; content goes under content: |");
        }
    }

    private static Dictionary<string, YamlNode> Mapping(string file, YamlNode node, string what, string[] allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(file, node, $"{what} must be a mapping of keys", $"write {string.Join(", ", allowed)} as keys");
        }

        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
            {
                throw Error(file, key, $"unknown key '{name}' in {what}", $"the keys are {string.Join(", ", allowed)} (tests/real-cases/README.md)");
            }

            result[name] = value;
        }

        return result;
    }

    private static string Required(string file, Dictionary<string, YamlNode> map, YamlNode owner, string key) =>
        map.TryGetValue(key, out var node) ? Optional(file, map, key) is { Length: > 0 } value ? value : throw Error(file, node, $"{key} is empty", $"give the case's {key}")
            : throw Error(file, owner, $"missing key '{key}'", $"add {key}: (tests/real-cases/README.md)");

    private static string? Optional(string file, Dictionary<string, YamlNode> map, string key) => map.GetValueOrDefault(key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        var other => throw Error(file, other, $"{key} must be text", $"write {key}: as one value"),
    };

    private static CaseFileException Error(string file, YamlNode node, string message, string fix) =>
        new($"{file}:{node.Start.Line}:{node.Start.Column}: {message} — {fix}");
}
