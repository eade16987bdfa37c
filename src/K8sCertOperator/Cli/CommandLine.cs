using System.CommandLine;
using K8sCertOperator.Cli.Standalone;

namespace K8sCertOperator.Cli;

/// <summary>Builds the command tree; each sub-command lives in its own file.</summary>
public static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("K8sCertOperator: ACME certificates for Kubernetes. With no command, runs the operator.");
        OperatorCommand.Attach(root);
        root.Subcommands.Add(StandaloneCommands.Certify());
        root.Subcommands.Add(RevokeCommand.Create());
        root.Subcommands.Add(Ops.RenewCommand.Create());
        root.Subcommands.Add(Ops.InspectCommand.Create());
        root.Subcommands.Add(Ops.StatusCommand.Create());
        root.Subcommands.Add(Ops.CheckCommand.Create());
        root.Subcommands.Add(Ops.ApprovalCommands.Approve());
        root.Subcommands.Add(Ops.ApprovalCommands.Deny());
        root.Subcommands.Add(Ops.CreateCertificateRequestCommand.Create());
        root.Subcommands.Add(Migration.ConvertCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var parse = Build().Parse(args);
        // Signals are handled by the commands that need a graceful stop (the operator), so
        // System.CommandLine's own SIGTERM handling, which kills the process after a grace
        // period, stays off.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellationToken).ConfigureAwait(false);
    }
}
