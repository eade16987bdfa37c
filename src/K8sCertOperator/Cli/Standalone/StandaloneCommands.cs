using System.CommandLine;
using K8sCertOperator.Cli.Standalone.Renew;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>The cluster-less commands: `certify` and `revoke --server`.</summary>
public static class StandaloneCommands
{
    public static Command Certify()
    {
        var symbols = new CertifySymbols();
        var command = new Command("certify", "Get a certificate from an ACME server without a cluster (like lego/certbot)");
        symbols.AddTo(command);
        command.SetAction((parse, ct) => RunBoundAsync(symbols, parse,
            (options, logs) => CertifyRunner.RunAsync(options, Console.Out, Console.Error, logs, ct)));
        command.Subcommands.Add(Renew());
        return command;
    }

    /// <summary>`certify renew`: certify's options, plus --deploy-hook; renews only when due.</summary>
    public static Command Renew()
    {
        var symbols = new CertifySymbols();
        var deployHook = new Option<string?>("--deploy-hook") { Description = "Shell command run once after a renewal (CERTIFY_OUT, CERTIFY_DOMAINS set)" };
        var now = new Option<DateTimeOffset?>("--now") { Description = "Decide as if it were this time (testing only)", Hidden = true };
        var command = new Command("renew",
            $"Renew the certificate in --out when due (ARI window, else two thirds of its lifetime); for cron/systemd. Exit {ExitCodes.Renewed} renewed, {ExitCodes.NotDue} not due, {ExitCodes.Failed} failed");
        symbols.AddTo(command);
        command.Options.Add(deployHook);
        command.Options.Add(now);
        command.SetAction((parse, ct) => RunBoundAsync(symbols, parse, (options, logs) => CertifyRenewRunner.RunAsync(
            new RenewOptions { Certify = options, DeployHook = parse.GetValue(deployHook), Now = parse.GetValue(now) },
            Console.Out, Console.Error, logs, ct)));
        return command;
    }

    // Binds the shared options (a usage error ends here) and runs with --verbose's logger.
    private static async Task<int> RunBoundAsync(CertifySymbols symbols, ParseResult parse, Func<CertifyOptions, Microsoft.Extensions.Logging.ILoggerFactory?, Task<int>> run)
    {
        var (options, error) = symbols.Bind(parse);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        using var logs = parse.GetValue(symbols.Verbose) ? OperatorLogging.Create("text", "Debug") : null;
        return await run(options, logs).ConfigureAwait(false);
    }

    /// <summary>An absolute http or https URL; System.CommandLine has no Uri parser of its own.</summary>
    public static bool TryParseServer(string? text, out Uri server)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp))
        {
            server = parsed;
            return true;
        }
        server = null!;
        return false;
    }

    public static RevokeOptions? ParseRevoke(ParseResult parse, RevokeSymbols s)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(s);
        return TryParseServer(parse.GetValue(s.Server), out var server) && parse.GetValue(s.Cert) is { } cert
            ? new RevokeOptions
            {
                Server = server,
                CertificateFile = cert,
                CertificateKeyFile = parse.GetValue(s.Key),
                AccountKeyFile = parse.GetValue(s.AccountKey),
                Reason = parse.GetValue(s.Reason),
                CaBundleFile = parse.GetValue(s.CaBundle),
                InsecureSkipVerify = parse.GetValue(s.Insecure),
            }
            : null;
    }
}
