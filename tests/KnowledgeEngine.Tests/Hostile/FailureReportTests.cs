using KnowledgeEngine.Cli.Failures;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Hostile;

/// <summary>The one place an exception becomes what the user reads: one line with a next step,
/// and the trace only with --debug.</summary>
public sealed class FailureReportTests
{
    [Fact]
    public void An_unexpected_exception_is_one_line_that_calls_it_a_defect_and_points_at_debug()
    {
        using var error = new StringWriter();

        var code = FailureReport.Write(error, "diagnose", Thrown(new InvalidCastException("Unable to cast\nobject")), debug: false);

        Assert.Equal(1, code);
        Assert.Equal("kb diagnose: unexpected error (InvalidCastException: Unable to cast object). This is a defect in kb, not in your input: rerun with --debug and report the trace with the command line.\n",
            error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void With_debug_the_line_is_followed_by_the_stack_trace()
    {
        using var error = new StringWriter();

        FailureReport.Write(error, "facts", Thrown(new InvalidOperationException("boom")), debug: true);

        var lines = error.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("kb facts: unexpected error (InvalidOperationException: boom).", lines[0]);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(UnauthorizedAccessException), "permission denied (")]
    [InlineData(typeof(IOException), "input or output failed (")]
    [InlineData(typeof(OutOfMemoryException), "ran out of memory or stack on this input.")]
    public void A_system_exception_gets_a_next_step_not_a_defect_report(Type type, string start)
    {
        var exception = (Exception)Activator.CreateInstance(type, "detail")!;

        Assert.StartsWith(start, FailureReport.Describe(exception));
    }

    [Fact]
    public void A_bundle_error_is_shown_as_written_for_the_operator()
    {
        Assert.Equal("b.zip: damaged. Collect it again.", FailureReport.Describe(new BundleException("b.zip: damaged. Collect it again.")));
    }

    [Fact]
    public void An_interruption_exits_130()
    {
        using var error = new StringWriter();

        Assert.Equal(130, FailureReport.Write(error, "diagnose", new OperationCanceledException(), debug: false));
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
