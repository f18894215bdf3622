using System.Runtime.InteropServices;
using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Cli.Failures;

/// <summary>
/// Ctrl-C, SIGTERM or a closed terminal while an archive unpacks would otherwise end the process
/// before any `using` runs, leaving the unpacked copy (often larger than the archive) in the temp
/// folder. The handler removes every open bundle's temporary folder, then exits as the signal would.
/// </summary>
internal sealed class InterruptCleanup : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    private InterruptCleanup(PosixSignalRegistration[] registrations) => _registrations = registrations;

    public static InterruptCleanup Register() => new(
    [
        PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, 2)),
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, 15)),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Stop(context, 1)),
    ]);

    private static void Stop(PosixSignalContext context, int number)
    {
        context.Cancel = true;
        Bundle.RemoveTemporaryFolders();
        Console.Error.WriteLine("kb: interrupted; temporary files were removed.");
        Environment.Exit(128 + number);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
