using BenchmarkDotNet.Attributes;
using KnowledgeEngine.Rete;

namespace KnowledgeEngine.Bench.Engine;

/// <summary>BenchmarkDotNet versions of the join workloads, for careful repeated measurement.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class EngineBenchmarks
{
    private ISessionFactory _joinSel = null!;
    private ISessionFactory _joinKey = null!;
    private object[] _facts = null!;

    [Params(10_000, 100_000)]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _joinSel = RuleCompiler.Compile(Workloads.JoinSelective());
        _joinKey = RuleCompiler.Compile(Workloads.JoinKeyOnly());
        _facts = Workloads.Facts(Facts);
    }

    [Benchmark]
    public ISessionFactory BuildNetwork() => RuleCompiler.Compile(Workloads.JoinSelective());

    [Benchmark]
    public int JoinSelectiveInsertAndFire() => InsertAndFire(_joinSel);

    [Benchmark]
    public int JoinKeyInsertAndFire() => InsertAndFire(_joinKey);

    private int InsertAndFire(ISessionFactory factory)
    {
        var session = factory.CreateSession();
        session.InsertAll(_facts);
        return session.Fire();
    }
}
