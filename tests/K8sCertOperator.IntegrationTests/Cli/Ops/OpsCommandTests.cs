using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.Controllers;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Policies;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cli.Ops;

/// <summary>status, inspect and renew against the stand-in API server with hand-made objects.</summary>
public sealed partial class OpsCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StatusOfReadyAndFailingCertificatesMatchesGoldenText()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        var apis = new OperatorApis(env.Client);
        await OpsCliObjects.CreateReadyAsync(apis, env.Namespace, "ready", ct);
        var failing = await OpsCliObjects.CreateFailingAsync(apis, env.Namespace, "broken", ct);
        await OpsCliObjects.CreatePendingOrderAsync(apis, failing, ct);

        var ready = await RunAsync((o, e) => StatusCommand.RunAsync(env.Client, env.Namespace, "ready", "table", o, e, ct));
        Assert.Equal(ExitCodes.Ok, ready.Exit);
        Assert.Equal(
            """
            Certificate:      <ns>/ready
            Issuer:           Issuer/selfsigned
            DNS names:        ready.example.com, www.example.com
            Ready:            True (Ready) Certificate is up to date and has not expired
            Not before:       <time>
            Not after:        <time>
            Renewal time:     <time>
            Revision:         1
            Secret:           ready-tls, serial <serial>, Ecdsa 256, key matches: true
            Events:           <none>

            """.ReplaceLineEndings("\n"), Normalise(ready.Stdout, env.Namespace));

        var broken = await RunAsync((o, e) => StatusCommand.RunAsync(env.Client, env.Namespace, "broken", "table", o, e, ct));
        Assert.Equal(ExitCodes.Ok, broken.Exit);
        Assert.Equal(
            """
            Certificate:      <ns>/broken
            Issuer:           Issuer/missing
            DNS names:        broken.example.com
            Ready:            False (IssuerNotFound) Issuer missing not found
            Not before:       <none>
            Not after:        <none>
            Renewal time:     <none>
            Revision:         <none>
            Failed attempts:  2 (last <time>)
            Secret:           broken-tls (missing)
            Order:            broken-1-abc state=pending
              Challenge:      broken.example.com HTTP-01 state=pending reason=Waiting for HTTP-01 challenge propagation
            Events:           <none>

            """.ReplaceLineEndings("\n"), Normalise(broken.Stdout, env.Namespace));

        var json = await RunAsync((o, e) => StatusCommand.RunAsync(env.Client, env.Namespace, "ready", "json", o, e, ct));
        var parsed = JsonNode.Parse(json.Stdout)!;
        Assert.Equal("2026-04-01T00:00:00Z", parsed["notAfter"]!.GetValue<string>());
        Assert.Equal("True", parsed["conditions"]![0]!["status"]!.GetValue<string>());

        var yaml = await RunAsync((o, e) => StatusCommand.RunAsync(env.Client, env.Namespace, "ready", "yaml", o, e, ct));
        Assert.Contains("\"notAfter\": \"2026-04-01T00:00:00Z\"\n", yaml.Stdout, StringComparison.Ordinal);
        var yamlParsed = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(yaml.Stdout);
        Assert.Equal("ready", yamlParsed["name"]);

        var missing = await RunAsync((o, e) => StatusCommand.RunAsync(env.Client, env.Namespace, "nope", "table", o, e, ct));
        Assert.Equal(ExitCodes.NotFound, missing.Exit);
    }

    [Fact]
    public async Task InspectSecretDecodesCertificateAndKey()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        var apis = new OperatorApis(env.Client);
        await OpsCliObjects.CreateReadyAsync(apis, env.Namespace, "ready", ct);

        var result = await RunAsync((o, e) => InspectCommand.RunAsync(env.Client, env.Namespace, "ready-tls", "table", o, e, ct));

        Assert.Equal(ExitCodes.Ok, result.Exit);
        Assert.Equal(
            """
            Secret:           <ns>/ready-tls
            Type:             kubernetes.io/tls
            Subject:          CN=ready.example.com
            DNS names:        ready.example.com, www.example.com
            IP addresses:     <none>
            URIs:             <none>
            Emails:           <none>
            Issuer:           CN=ready.example.com
            Serial:           <serial>
            Not before:       <time>
            Not after:        <time>
            Public key:       Ecdsa 256
            Is CA:            false
            Other names:      <none>
            Name constraints: <none>
            Private key:      Ecdsa 256, matches certificate: true

            """.ReplaceLineEndings("\n"), Normalise(result.Stdout, env.Namespace));

        var missing = await RunAsync((o, e) => InspectCommand.RunAsync(env.Client, env.Namespace, "nope", "json", o, e, ct));
        Assert.Equal(ExitCodes.NotFound, missing.Exit);
    }

    [Fact]
    public async Task RenewSetsTheAnnotationAndClearsTheBackoff()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        var apis = new OperatorApis(env.Client);
        await OpsCliObjects.CreateReadyAsync(apis, env.Namespace, "ready", ct);
        await OpsCliObjects.CreateFailingAsync(apis, env.Namespace, "broken", ct);
        var time = new SettableTime { Now = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero) };

        var byName = await RunAsync((o, e) => RenewCommand.RunAsync(env.Client, env.Namespace, ["broken"], false, null, time, o, e, ct));
        Assert.Equal(ExitCodes.Ok, byName.Exit);
        var broken = await apis.Certificates.GetAsync(env.Namespace, "broken", ct);
        Assert.Equal("2026-02-03T04:05:06Z", broken!.Metadata.Annotations[PolicyAnnotations.RenewRequestedAt]);
        Assert.Null(broken.Status!.FailedIssuanceAttempts);
        Assert.Null(broken.Status.LastFailureTime);
        Assert.Equal("IssuerNotFound", broken.Status.Conditions![0].Reason);

        time.Now += TimeSpan.FromMinutes(1);
        var all = await RunAsync((o, e) => RenewCommand.RunAsync(env.Client, env.Namespace, [], true, null, time, o, e, ct));
        Assert.Equal(ExitCodes.Ok, all.Exit);
        foreach (var name in new[] { "ready", "broken" })
        {
            var certificate = await apis.Certificates.GetAsync(env.Namespace, name, ct);
            Assert.Equal("2026-02-03T04:06:06Z", certificate!.Metadata.Annotations[PolicyAnnotations.RenewRequestedAt]);
        }

        var missing = await RunAsync((o, e) => RenewCommand.RunAsync(env.Client, env.Namespace, ["nope"], false, null, time, o, e, ct));
        Assert.Equal(ExitCodes.NotFound, missing.Exit);
        var usage = await RunAsync((o, e) => RenewCommand.RunAsync(env.Client, env.Namespace, ["ready"], true, null, time, o, e, ct));
        Assert.Equal(ExitCodes.Usage, usage.Exit);
    }

    [Fact]
    public async Task CommandLineParsesKubectlStyleFlags()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);

        var exit = await CommandLine.RunAsync(["status", "certificate", "nope", "--kubeconfig", env.KubeconfigPath, "-n", env.Namespace], ct);

        Assert.Equal(ExitCodes.NotFound, exit);
    }

    private sealed class SettableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(Func<TextWriter, TextWriter, Task<int>> run)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await run(stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Normalise(string text, string ns)
    {
        text = TimePattern().Replace(text, "<time>");
        text = SerialPattern().Replace(text, "serial <serial>");
        text = SerialLinePattern().Replace(text, "Serial:           <serial>");
        return text.Replace(ns + "/", "<ns>/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"serial [0-9a-fA-F]+")]
    private static partial Regex SerialPattern();

    [GeneratedRegex(@"Serial:\s+[0-9a-fA-F]+")]
    private static partial Regex SerialLinePattern();
}
