using System.CommandLine;

namespace K8sCertOperator.Cli;

/// <summary>Builds the command tree; each sub-command lives in its own file.</summary>
public static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand("K8sCertOperator: ACME certificates for Kubernetes");
        var parse = root.Parse(args);
        return await parse.InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
