namespace KnowledgeEngine.Bench;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: bench <workload> <facts>  (workloads arrive with the engine)");
        return args.Length == 0 ? 2 : 0;
    }
}
