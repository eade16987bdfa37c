using System.Collections.Concurrent;
using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.Kube.Client;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cli.Ops;

/// <summary>
/// `revoke NAME --reason keyCompromise` with the operator running against Pebble: the Secret stays a valid
/// kubernetes.io/tls Secret at every step (kube-apiserver refuses one without tls.crt or tls.key), the compromised
/// key is never used again, even under rotationPolicy Never, and a new certificate with a new key lands.
/// </summary>
public sealed class RevokeKeyCompromiseTests(ITestOutputHelper output)
{
    private const string SecretName = "kc-tls";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task KeyCompromiseKeepsTheSecretValidAndReissuesWithANewKey()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.EndToEnd, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("kc", "pebble", ["kc.example.com"], ct,
            spec => spec.PrivateKey = new CertificatePrivateKey { RotationPolicy = RotationPolicies.Never });
        await h.WaitCertificateReadyAsync("kc", 1, Patience, ct);
        var before = await h.Apis.Secrets.GetAsync(h.Namespace, SecretName, ct);
        var oldKey = Encoding.ASCII.GetString(before!.Data["tls.key"]);
        var oldSerial = (await h.IssuedCertificateAsync(SecretName, ct)).SerialNumberHex;

        // Every version of the Secret from here on, as a watch sees it.
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var versions = new ConcurrentQueue<(WatchEventKind Type, V1Secret Secret)>();
        var watching = WatchAsync(h, before.Metadata.ResourceVersion, versions, stopWatching.Token);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CertificateRevoker.RunAsync(h.Env.Client, h.Namespace, "kc", CertificateRevoker.KeyCompromise, reissue: true, h.Namespace,
            TimeProvider.System, stdout, stderr, ct);
        output.WriteLine(stdout.ToString());
        Assert.True(exit == ExitCodes.Ok, stderr.ToString());

        var atCa = await h.Pebble.GetCertStatusAsync(oldSerial, ct);
        Assert.Equal("Revoked", atCa.Status);
        Assert.Equal(CertificateRevoker.KeyCompromise, atCa.Reason);

        var reissued = await h.WaitCertificateReadyAsync("kc", 2, Patience, ct);
        Assert.Null(ConditionSet.Find(reissued.Status!.Conditions, ConditionTypes.Revoked));
        var after = await h.AssertSecretServesAsync(SecretName, ["kc.example.com"], ct);
        Assert.NotEqual(oldKey, Encoding.ASCII.GetString(after.Data["tls.key"]));
        Assert.NotEqual(oldSerial, (await h.IssuedCertificateAsync(SecretName, ct)).SerialNumberHex);

        // Give the watch the final write, then check every version it saw.
        await h.WaitForAsync(_ => Task.FromResult<object?>(versions.Any(v => v.Secret.Metadata.ResourceVersion == after.Metadata.ResourceVersion) ? new object() : null),
            _ => true, TimeSpan.FromSeconds(10), "the watch to see the re-issued Secret", ct);
        await stopWatching.CancelAsync();
        await watching;
        Assert.NotEmpty(versions);
        var keyGone = false;
        foreach (var (type, secret) in versions)
        {
            var what = $"{type} at resourceVersion {secret.Metadata.ResourceVersion}";
            output.WriteLine($"{what}: tls.crt {Length(secret, "tls.crt")} bytes, tls.key {Length(secret, "tls.key")} bytes");
            Assert.NotEqual(WatchEventKind.Deleted, type);
            Assert.Equal("kubernetes.io/tls", secret.Type);
            Assert.True(secret.Data?.ContainsKey("tls.crt") == true, $"{what} has no tls.crt");
            Assert.True(secret.Data?.ContainsKey("tls.key") == true, $"{what} has no tls.key");
            // Once the compromised key has left the Secret it never comes back.
            var holdsOldKey = Encoding.ASCII.GetString(secret.Data["tls.key"]) == oldKey;
            Assert.False(keyGone && holdsOldKey, $"{what} holds the compromised key again");
            keyGone |= !holdsOldKey;
        }
        Assert.True(keyGone);
    }

    private static int? Length(V1Secret secret, string key) => secret.Data?.TryGetValue(key, out var value) == true ? value.Length : null;

    private static async Task WatchAsync(OperatorHarness h, string resourceVersion, ConcurrentQueue<(WatchEventKind, V1Secret)> into, CancellationToken ct)
    {
        try
        {
            var rv = resourceVersion;
            while (!ct.IsCancellationRequested)
            {
                await foreach (var (type, secret) in CoreResourceApis.Secrets(h.Env.Client).WatchAsync(h.Namespace, null, rv, false, null, ct))
                {
                    rv = secret.Metadata.ResourceVersion;
                    if (secret.Metadata.Name == SecretName)
                    {
                        into.Enqueue((type, secret));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
