using System.CommandLine;
using KnowledgeEngine.Cli.KnowledgeBase;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>`kb write-rule-snapshot FILE` (hidden): writes the snapshot of the built-in rules that kb diagnose reads
/// instead of their YAML (<see cref="RuleSnapshot"/>). The build runs it after compiling kb (kb.csproj) and puts the
/// file beside kb.dll; a kb without one, or with one of another build, reads the YAML files.</summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Where to write the snapshot" };
        var command = new Command("write-rule-snapshot", "Write the snapshot of the built-in rules that kb diagnose reads (run by the build).")
        {
            Hidden = true,
        };
        command.Arguments.Add(file);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            try
            {
                using (var output = File.Create(path))
                {
                    RuleSnapshot.Write(BuiltInKnowledge.Rules(), BuiltInKnowledge.BuildKey, output);
                }

                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Console.Error.WriteLine($"kb write-rule-snapshot: {path}: {e.Message}");
                TryDelete(path);
                return 1;
            }
        });
        return command;
    }

    /// <summary>A half-written snapshot is removed (kb would not read it anyway: it is cut short).</summary>
    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"kb write-rule-snapshot: {path} could not be removed either: {e.Message}");
        }
    }
}
