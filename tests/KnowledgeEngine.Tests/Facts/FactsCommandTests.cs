using System.CommandLine;
using System.Text.Json;
using KnowledgeEngine.Cli;

namespace KnowledgeEngine.Tests.Facts;

public sealed class FactsCommandTests : IDisposable
{
    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string Sample() => _disk.Folder("b", new()
    {
        ["var/log/messages"] = "Mar  9 10:00:00 n1 kubelet[10]: CrashLoopBackOff for pod web\nMar  9 10:00:01 n1 kubelet[10]: fine\n",
        ["nodes.yaml"] = "apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n",
    });

    [Fact]
    public void Summary_names_layout_formats_and_fact_counts()
    {
        var (exit, output, _) = Run("facts", Sample());

        Assert.Equal(0, exit);
        Assert.Contains("layout     plain", output);
        Assert.Contains("formats    resource ×1, syslog3164 ×1", output);
        Assert.Contains("facts      bundle 1, file 2, log 2, resource 1", output);
    }

    [Fact]
    public void Json_prints_one_parsable_fact_per_line()
    {
        var (exit, output, _) = Run("facts", Sample(), "--json");
        var kinds = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString()).ToList();

        Assert.Equal(0, exit);
        Assert.Equal(["bundle", "file", "file", "resource", "log", "log"], kinds);
    }

    [Fact]
    public void Match_keeps_only_records_with_the_literal()
    {
        var (_, output, _) = Run("facts", Sample(), "--json", "--match", "CrashLoopBackOff");

        var log = Assert.Single(output.Split('\n'), l => l.Contains("\"kind\":\"log\"", StringComparison.Ordinal));
        Assert.Contains("\"matched\":[\"match1\"]", log);
    }

    private string CrashLoop() => _disk.Folder("loop", new()
    {
        ["var/log/messages"] = string.Concat(Enumerable.Range(0, 4).Select(i => $"Mar  9 10:00:0{i} n1 kubelet[10]: CrashLoopBackOff for pod web\n")),
    });

    [Fact]
    public void Summary_counts_repeated_records_as_one_fact_and_says_how_many_they_stand_for()
    {
        var (_, output, _) = Run("facts", CrashLoop());

        Assert.Contains("facts      bundle 1, file 1, log 1", output);
        Assert.Contains("repeats    1 log facts stand for 4 identical records", output);
    }

    [Fact]
    public void Json_lists_every_repeated_record()
    {
        var (_, output, _) = Run("facts", CrashLoop(), "--json", "--match", "CrashLoopBackOff");

        Assert.Equal(4, output.Split('\n').Count(l => l.Contains("\"kind\":\"log\"", StringComparison.Ordinal)));
        Assert.DoesNotContain("repeats", output);
    }

    [Fact]
    public void Bad_bundle_exits_1_with_a_one_line_error()
    {
        var path = _disk.Write("support.zip.age", "age-encryption.org/v1\n"u8.ToArray());

        var (exit, output, error) = Run("facts", path);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith("kb facts: support.zip.age: this is an age-encrypted archive", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Several_inputs_are_one_bundle_named_after_them()
    {
        var log = _disk.Path("host.log");
        File.WriteAllText(log, "[E 240301 10:00:00 hostinfo.go:1012] register failed\n");
        var table = _disk.Path("nodes.txt");
        File.WriteAllText(table, "NAME   STATUS   ROLES    AGE   VERSION\nn1     Ready    <none>   3d    v1.28.5\n");

        var (exit, output, error) = Run("facts", log, table);

        Assert.True(exit == 0, error);
        Assert.Contains("bundle     host.log + nodes.txt", output);
        Assert.Contains("facts      bundle 1, file 2, log 3, resource 1", output);
    }
}
