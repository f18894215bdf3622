using System.Runtime.InteropServices;

namespace KnowledgeEngine.Bench;

/// <summary>The machine line every bench prints first: cores and CPU model, OS, runtime.</summary>
internal static class MachineLine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"')
            : null;
        return $"machine: {Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), " +
               $"{os ?? RuntimeInformation.OSDescription} ({Environment.OSVersion.VersionString}), {RuntimeInformation.FrameworkDescription}";
    }
}
