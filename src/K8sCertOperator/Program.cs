namespace K8sCertOperator;

/// <summary>Process entry: the operator host and the CLI share one executable.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => Cli.CommandLine.RunAsync(args, CancellationToken.None);
}
