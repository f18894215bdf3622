using KnowledgeEngine.Cli.Rendering;

namespace KnowledgeEngine.Tests.Reports;

/// <summary>NO_COLOR (https://no-color.org): any non-empty value turns the terminal's colours off.</summary>
[Collection("Console")]
public sealed class NoColorTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void NoColor_FollowsTheVariable(string? value, bool off)
    {
        var before = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", value);

            Assert.Equal(off, TerminalConsole.NoColor);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", before);
        }
    }
}
