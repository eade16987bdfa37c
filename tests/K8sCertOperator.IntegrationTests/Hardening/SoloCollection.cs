namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>Tests that measure the process's allocations run alone, so other tests' allocations do not count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloCollection
{
    public const string Name = "solo (allocation measurements)";
}
