using System.Text;
using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Bundles;
using KnowledgeEngine.Facts.Configs;
using KnowledgeEngine.Facts.Logs;
using KnowledgeEngine.Facts.Resources;
using KnowledgeEngine.Facts.Scanning;
using KnowledgeEngine.Rules;

namespace KnowledgeEngine.Fuzz;

/// <summary>
/// What each fuzz target feeds its input to. A target returns normally for any input kb handles
/// as promised (read it, repair it, or refuse it with a BundleException for people); any other
/// exception escapes and is a crash the fuzzer records.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The targets by name, each taking the raw input bytes.</summary>
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>
    {
        ["logs"] = Logs,
        ["resources"] = Resources,
        ["archive"] = Archive,
        ["rules"] = Rules,
    };

    private static readonly string Scratch = Directory.CreateTempSubdirectory("kb-fuzz-").FullName;

    /// <summary>Format detection, then the streaming scanner with every record kept.</summary>
    private static void Logs(byte[] input)
    {
        var time = new TimeContext(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero), TimeSpan.Zero);
        var sample = Encoding.UTF8.GetString(input).Split('\n').Select(l => l.TrimEnd('\r')).Take(FormatDetector.SampleLines * 4).ToList();
        var format = FormatDetector.Detect(sample, time);
        var stats = new LogScanStats(0);
        using var stream = new MemoryStream(input, writable: false);
        new LogFileScanner(ScanPlan.KeepAll.For("fuzz.log"), BundleLimits.Default).Scan(stream, format, time, "fuzz.log", null, null, _ => { }, stats, (_, _) => { });
    }

    /// <summary>The JSON and YAML readers (API lists, climc show output) and the config reader.</summary>
    private static void Resources(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        ResourceReader.Read("control/climc/host-list.json", text, new KnowledgeEngine.Facts.Documents.ReadNotes("control/climc/host-list.json"));
        ResourceReader.ReadClimcShow("climc/host-show_node-07.json", text);
        ConfigReader.Read("etc/yunion/host.conf", text);
    }

    /// <summary>The archive sniffer and the whole bundle path: unpack, inventory, scan.</summary>
    private static void Archive(byte[] input)
    {
        ArchiveSniffer.Detect(input);
        var file = Path.Combine(Scratch, "bundle");
        File.WriteAllBytes(file, input);
        try
        {
            using var bundle = Bundle.Open(file);
            foreach (var _ in bundle.Scan(ScanPlan.KeepAll, parallelism: 1))
            {
            }
        }
        catch (BundleException)
        {
            // A refusal written for the operator: the promised answer to a damaged archive.
        }
    }

    /// <summary>The rule loader: YAML, shape, expressions, templates, validation, compilation.</summary>
    private static void Rules(byte[] input)
    {
        var file = Path.Combine(Scratch, "rule.yaml");
        File.WriteAllBytes(file, input);
        RuleSet.Load(file, Scratch);
    }
}
