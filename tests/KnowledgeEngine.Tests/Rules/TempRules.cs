namespace KnowledgeEngine.Tests.Rules;

/// <summary>A temporary folder of rule files written by a test.</summary>
internal sealed class TempRules : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kb-rules-").FullName;

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file.Replace('\\', '/');
    }

    public static string Minimal(string id, string when = "  - log: { contains: 'disk full' }\n    as: full\n", string extra = "") =>
        $"id: {id}\ntitle: t\nplatform: {id.Split('/')[0]}\nseverity: high\nwhen:\n{when}cause: {{ summary: s, confidence: 0.5 }}\n{extra}";

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
