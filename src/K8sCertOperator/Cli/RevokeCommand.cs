using System.CommandLine;
using K8sCertOperator.Cli.Standalone;

namespace K8sCertOperator.Cli;

/// <summary>`revoke`: standalone with --server/--cert; by Certificate name through the cluster.</summary>
public static class RevokeCommand
{
    public static Command Create()
    {
        var symbols = new RevokeSymbols();
        var command = new Command("revoke", "Revoke a certificate (standalone: --server URL --cert FILE)");
        foreach (var option in symbols.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, ct) =>
        {
            if (StandaloneCommands.ParseRevoke(parse, symbols) is { } standalone)
            {
                return await RevokeRunner.RunAsync(standalone, Console.Out, Console.Error, ct).ConfigureAwait(false);
            }
            await Console.Error.WriteLineAsync("error: give --server URL and --cert FILE").ConfigureAwait(false);
            return ExitCodes.Usage;
        });
        return command;
    }
}
