using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Layouts;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Running;

/// <summary>
/// What a bundle collected, seen while its facts go into the session, so that a condition that did
/// not hold can be told apart: its source was collected and the fact is not in it (counts against
/// the cause), or its source was never collected (neutral; collect it next). Per fact kind:
/// a log condition's source is collected when a file matches its <c>source</c> glob (without one:
/// when the bundle holds a text file that is not JSON or YAML); a resource condition's when a
/// resource of its <c>kind</c> was read; a config condition's when a file matches its <c>file</c>
/// glob (without one: when any config value was read); files and the bundle are always collected;
/// a derived fact never counts as collected, since no file holds it.
/// </summary>
internal sealed class CollectedSources
{
    private readonly List<string> _files = [];
    private readonly HashSet<string> _resourceKinds = new(StringComparer.OrdinalIgnoreCase);
    private bool _anyLogFile;
    private bool _anyConfig;

    public void See(object fact)
    {
        switch (fact)
        {
            case FileFact { Collected: true } file:
                _files.Add(file.Path);
                _anyLogFile |= !file.IsBinary && !IsStructured(file.Path);
                break;
            case ResourceFact resource:
                _resourceKinds.Add(resource.ResourceKind);
                break;
            case ConfigFact:
                _anyConfig = true;
                break;
        }
    }

    public bool Collected(ConditionModel condition) => condition.Kind.Value switch
    {
        FactKind.Log => condition.Property("source") is { } glob ? AnyFile(glob.Value) : _anyLogFile,
        FactKind.Resource => condition.Property("kind") is { } kind ? _resourceKinds.Contains(kind.Value) : _resourceKinds.Count > 0,
        FactKind.Config => condition.Property("file") is { } glob ? AnyFile(glob.Value) : _anyConfig,
        FactKind.Fact => false,
        _ => true,
    };

    private bool AnyFile(string glob) => _files.Any(f => Glob.IsMatch(glob, f));

    private static bool IsStructured(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
