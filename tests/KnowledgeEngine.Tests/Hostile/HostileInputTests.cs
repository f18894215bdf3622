using KnowledgeEngine.Tests.Reports;

namespace KnowledgeEngine.Tests.Hostile;

/// <summary>
/// The hostile-input corpus (tests/hostile/*.case): each case builds one input a careless or
/// malicious bundle can hold, runs kb on it and states the exit code and the message expected.
/// No case may hang (each is stopped after <see cref="Deadline"/>) or print a stack trace.
/// </summary>
[Collection("Console")]
public sealed class HostileInputTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(HostileCase.Folder, "*.case").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void Corpus_HasACaseForEachKindOfHostileInput()
    {
        Assert.True(Cases().Count >= 20, $"only {Cases().Count} hostile cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Kb_AnswersAHostileInput_WithTheExpectedExitCodeAndMessage(string name)
    {
        // Arrange
        using var setup = new HostileSetup();
        var test = HostileCase.Read(name, setup.Root.Replace('\\', '/'));
        foreach (var step in test.Setup)
        {
            setup.Apply(step);
        }

        // Act
        // Standard input cannot be redirected in-process (kb opens the console's own stream): such cases run kb.dll.
        var run = Task.Run(() => test.Stdin is null || OperatingSystem.IsWindows()
            ? KbRun.Run(test.Args)
            : KbProcess.Run(test.Args, setup.Root, test.Stdin));
        var first = await Task.WhenAny(run, Task.Delay(Deadline));
        Assert.True(first == run, $"{name}: kb {string.Join(' ', test.Args)} did not finish within {Deadline.TotalSeconds} s");
        var (code, stdout, stderr) = await run;

        // Assert
        var both = stdout + stderr;
        Assert.DoesNotContain("   at ", both);
        Assert.DoesNotContain("Unhandled exception", both);
        Assert.True(test.Exit == code, $"{name}: exit {code}, expected {test.Exit}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        var shown = $"\nstdout:\n{stdout}\nstderr:\n{stderr}";
        foreach (var line in test.StderrLines)
        {
            Assert.True(Lines(stderr).Contains(line), $"{name}: stderr lacks the line\n{line}{shown}");
        }

        foreach (var line in test.StdoutLines)
        {
            Assert.True(Lines(stdout).Contains(line), $"{name}: stdout lacks the line\n{line}{shown}");
        }

        foreach (var text in test.Has)
        {
            Assert.True(both.Contains(text, StringComparison.Ordinal), $"{name}: the output lacks\n{text}{shown}");
        }

        foreach (var text in test.Lacks)
        {
            Assert.False(both.Contains(text, StringComparison.Ordinal), $"{name}: the output holds what it must not:\n{text}{shown}");
        }

        foreach (var pair in test.Unchanged)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(HostileCase.Inputs, pair[1])), File.ReadAllBytes(Path.Combine(setup.Root, pair[0])));
        }
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
