// The whole-knowledge-base comparisons run both engines over every bundle; one at a time they
// leave the other test assemblies (some time their kb processes) a core of the CI machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
