using System.CommandLine;
using k8s;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;

namespace K8sCertOperator.Cli.Ops;

/// <summary>`renew NAME... | --all | -l SELECTOR [-A]`: re-issue Certificates now, like cmctl renew.</summary>
public static class RenewCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var names = new Argument<string[]>("NAME") { Description = "Certificates to renew", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Renew every Certificate in the namespace (or all with -A)" };
        var selector = new Option<string?>("--selector", "-l") { Description = "Renew the Certificates matching this label selector" };
        var command = new Command("renew", "Mark Certificates for immediate re-issuance");
        command.Arguments.Add(names);
        command.Options.Add(all);
        command.Options.Add(selector);
        cluster.AddTo(command, allNamespaces: true, output: false, apiMode: true);
        command.SetAction(async (parse, ct) =>
        {
            var (client, ns) = cluster.Connect(parse);
            using (client as IDisposable)
            {
                return await RunAsync(client, ns, parse.GetValue(names) ?? [], parse.GetValue(all), parse.GetValue(selector), TimeProvider.System, Console.Out, Console.Error, ct,
                    parse.GetValue(cluster.ApiMode)).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>Renews by name, or every Certificate (<paramref name="all"/>) or those matching <paramref name="selector"/>.</summary>
    /// <param name="apiMode">The API of the Certificates (default k8scert.io); see <see cref="CertificateRenewer"/> for what each is asked.</param>
    public static async Task<int> RunAsync(
        IKubernetes client, string? ns, IReadOnlyList<string> names, bool all, string? selector, TimeProvider time,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, ApiModeChoice? apiMode = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(time);
        var bySelection = all || !string.IsNullOrEmpty(selector);
        if (bySelection == (names.Count > 0))
        {
            await stderr.WriteLineAsync("error: give Certificate names, or --all, or -l SELECTOR").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        if (!bySelection && ns is null)
        {
            await stderr.WriteLineAsync("error: -A needs --all or -l").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        var choice = apiMode ?? ApiModeChoice.K8sCert;
        try
        {
            var targets = new List<(OperatorApis Apis, Certificate Certificate)>();
            var exit = ExitCodes.Ok;
            if (bySelection)
            {
                var (apis, items) = await choice.ListAsync(client, a => a.Certificates, ns, string.IsNullOrEmpty(selector) ? null : selector, cancellationToken).ConfigureAwait(false);
                targets.AddRange(items.Select(c => (apis, c)));
            }
            else
            {
                foreach (var name in names)
                {
                    if (await choice.GetAsync(client, a => a.Certificates, ns, name, cancellationToken).ConfigureAwait(false) is (var apis, { } found))
                    {
                        targets.Add((apis, found));
                    }
                    else
                    {
                        await stderr.WriteLineAsync(choice.NotFound(ApiGroups.CertificateKind, ns, name)).ConfigureAwait(false);
                        exit = ExitCodes.NotFound;
                    }
                }
            }
            var now = time.GetUtcNow();
            foreach (var (apis, certificate) in targets)
            {
                await CertificateRenewer.RenewAsync(apis, certificate, now, cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync($"Manually triggered issuance of Certificate {certificate.Metadata.NamespaceProperty}/{certificate.Metadata.Name}").ConfigureAwait(false);
            }
            if (targets.Count == 0 && bySelection)
            {
                await stdout.WriteLineAsync("No Certificates matched").ConfigureAwait(false);
            }
            return exit;
        }
        catch (Exception e) when (e is Kube.Client.KubeApiException || CliErrors.IsReportable(e, cancellationToken))
        {
            await stderr.WriteLineAsync("error: " + CliErrors.Describe(e)).ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
