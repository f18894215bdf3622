using KnowledgeEngine.Facts;
using KnowledgeEngine.Runbooks;

namespace KnowledgeEngine.Cli.Failures;

/// <summary>
/// Turns an exception that escaped a command into one line for the user: what failed and what to
/// do next. Commands still report the mistakes they expect themselves; this catches the rest, so
/// that a future defect shows a sentence, not a stack trace (which --debug adds below the line).
/// </summary>
internal static class FailureReport
{
    /// <summary>The exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it.</summary>
    public const int Interrupted = 130;

    public static int Write(TextWriter error, string command, Exception exception, bool debug)
    {
        error.WriteLine($"kb {command}: {Describe(exception)}");
        if (debug)
        {
            error.WriteLine(exception.ToString());
        }

        return exception is OperationCanceledException ? Interrupted : 1;
    }

    public static string Describe(Exception exception) => exception switch
    {
        // Exceptions whose message is already written for the operator.
        BundleException or RunbookTemplateException => OneLine(exception.Message),
        OperationCanceledException => "interrupted; temporary files were removed.",
        UnauthorizedAccessException =>
            $"permission denied ({OneLine(exception.Message)}). Run kb as a user who can read the input and write the output, or copy the files somewhere that user can reach.",
        FileNotFoundException or DirectoryNotFoundException =>
            $"{OneLine(exception.Message)} Check the path and retry.",
        PathTooLongException =>
            $"a path is too long for this system ({OneLine(exception.Message)}). Unpack the bundle under a shorter folder and retry.",
        IOException =>
            $"input or output failed ({OneLine(exception.Message)}). Check that the disk has room and the files are readable, then retry.",
        OutOfMemoryException or InsufficientExecutionStackException =>
            "ran out of memory or stack on this input. Split the bundle (diagnose a few hosts or files at a time) and retry; please report the input's shape so the limit can be checked.",
        _ =>
            $"unexpected error ({exception.GetType().Name}: {OneLine(exception.Message)}). This is a defect in kb, not in your input: rerun with --debug and report the trace with the command line.",
    };

    /// <summary>Messages of system exceptions can span lines; the report is one line.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
