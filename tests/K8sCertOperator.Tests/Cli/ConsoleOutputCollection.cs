namespace K8sCertOperator.Tests.Cli;

/// <summary>Tests that redirect Console.Out run alone: the console is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleOutputCollection
{
    public const string Name = "Console output";
}
