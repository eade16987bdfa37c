using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Policies;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// The corpus cases that name a Ready=False reason, run through the whole operator against the stand-in: each
/// object gets that reason and a Warning Event, the operator keeps running, does not hot-loop, and an unrelated
/// Secret that happens to carry the Certificate's secretName is left exactly as it was.
/// </summary>
public sealed class CorpusReconcileTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(6);

    [SkippableFact]
    public async Task BadCertificatesGetTheirReasonAndAWarningWithoutCrashHotLoopOrDataLoss()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.Hardening, ct);
        await h.StartOperatorAsync(ct);
        await h.Apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "corpus-selfsigned", NamespaceProperty = h.Namespace },
            Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() },
        }, ct);

        var cases = IntegrationCorpusCase.Load("certificates").Where(c => c.Expected("reason") is not null).ToList();
        var expected = new Dictionary<string, string>();
        var bystanders = new Dictionary<string, V1Secret>();
        foreach (var c in cases)
        {
            var name = "c-" + c.Name;
            var spec = new JsonObject
            {
                ["secretName"] = name + "-tls",
                ["issuerRef"] = new JsonObject { ["name"] = "corpus-selfsigned" },
                ["dnsNames"] = new JsonArray("corpus.example.com"),
            };
            IntegrationCorpusCase.Merge(spec, (JsonObject)c.Input["spec"]!);
            var certificate = new JsonObject
            {
                ["apiVersion"] = "k8scert.io/v1",
                ["kind"] = "Certificate",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = h.Namespace },
                ["spec"] = spec,
            }.Deserialize<Certificate>(KubeJson.Options)!;
            if (c.SchemaRejects)
            {
                await ExpectSchemaRefusalAsync(c, () => h.Apis.Certificates.CreateAsync(certificate, ct));
                continue;
            }

            // Someone else's Secret under the name the Certificate asks for: the operator must never touch it.
            if (CertificateSpecValidator.SecretNameError(certificate.Spec.SecretName) is null && !bystanders.ContainsKey(certificate.Spec.SecretName))
            {
                bystanders[certificate.Spec.SecretName] = await h.Apis.Secrets.CreateAsync(new V1Secret
                {
                    Metadata = new V1ObjectMeta { Name = certificate.Spec.SecretName, NamespaceProperty = h.Namespace },
                    Type = "Opaque",
                    Data = new Dictionary<string, byte[]> { ["owner"] = Encoding.UTF8.GetBytes("someone else") },
                }, ct);
            }

            await h.Apis.Certificates.CreateAsync(certificate, ct);
            expected[name] = c.Expected("reason")!;
        }

        output.WriteLine($"{expected.Count} corpus Certificates created");
        foreach (var (name, reason) in expected)
        {
            await h.WaitForAsync(
                t => h.Apis.Certificates.GetAsync(h.Namespace, name, t),
                cert => ConditionSet.Find(cert.Status?.Conditions, ConditionTypes.Ready) is { Status: ConditionStatus.False } ready && ready.Reason == reason,
                Patience, $"Certificate {name} Ready=False {reason}", ct);
        }

        await AssertWarningEventsAsync(h, expected, ct);
        h.AssertOperatorAlive();
        await AssertNoHotLoopAsync(h, expected.Keys, perObject: 2, ct);
        h.AssertOperatorAlive();

        foreach (var (secretName, before) in bystanders)
        {
            var now = await h.Apis.Secrets.GetAsync(h.Namespace, secretName, ct);
            Assert.NotNull(now);
            Assert.Equal(before.Metadata.ResourceVersion, now.Metadata.ResourceVersion);
            Assert.Equal("someone else", Encoding.UTF8.GetString(now.Data["owner"]));
        }
    }

    [SkippableFact]
    public async Task BadIssuersAndCaSecretsGetTheirReasonAndAWarningWithoutCrashOrHotLoop()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.Hardening, ct);
        await using var bad = await BadAcmeServers.StartAsync(ct);
        await h.StartOperatorAsync(ct);

        var expected = new Dictionary<string, (string Status, string Reason, string? Message)>();
        foreach (var c in IntegrationCorpusCase.Load("issuers").Where(c => c.Expected("reason") is not null))
        {
            var name = "i-" + c.Name;
            var specJson = c.Input["spec"]!.ToJsonString()
                .Replace("corpus-account", name + "-account", StringComparison.Ordinal)
                .Replace("$server(pebble-untrusted)", h.Pebble.DirectoryUrl.ToString(), StringComparison.Ordinal)
                .Replace("$server(pebble)", h.Pebble.DirectoryUrl.ToString(), StringComparison.Ordinal)
                .Replace("$server(closed-port)", $"http://127.0.0.1:{FreePort.Next()}/dir", StringComparison.Ordinal);
            foreach (var behaviour in new[] { "html-as-json", "html", "json-not-directory", "status-500", "status-404", "redirect-loop", "gzip-bomb", "big-body", "redirect-internal", "other-origin" })
            {
                specJson = specJson.Replace($"$server({behaviour})", bad.Url(behaviour).ToString(), StringComparison.Ordinal);
            }

            var spec = JsonNode.Parse(specJson)!.AsObject();
            var trustsPebble = c.Input["spec"]!.ToJsonString().Contains("$server(pebble)", StringComparison.Ordinal);
            if (trustsPebble && spec["acme"]!["caBundle"] is null)
            {
                spec["acme"]!["caBundle"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(h.Pebble.TlsCaPem));
            }

            var issuer = new JsonObject
            {
                ["apiVersion"] = "k8scert.io/v1",
                ["kind"] = "Issuer",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = h.Namespace },
                ["spec"] = spec,
            }.Deserialize<Issuer>(KubeJson.Options)!;
            if (c.SchemaRejects)
            {
                await ExpectSchemaRefusalAsync(c, () => h.Apis.Issuers.CreateAsync(issuer, ct));
                continue;
            }
            await h.Apis.Issuers.CreateAsync(issuer, ct);
            expected[name] = (ConditionStatus.False, c.Expected("reason")!, c.Expected("message"));
        }

        foreach (var c in IntegrationCorpusCase.Load("secrets"))
        {
            var name = "s-" + c.Name;
            var secret = new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = h.Namespace },
                Type = "Opaque",
                Data = c.Input["data"]!.AsObject().ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value!.GetValue<string>())),
            };
            if (c.Expected("api") is { } refusal)
            {
                // Too big for any API server: the Secret never exists, so there is nothing for the operator to read.
                var refused = await Assert.ThrowsAsync<K8sCertOperator.Kube.Client.KubeApiException>(() => h.Apis.Secrets.CreateAsync(secret, ct));
                Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
                Assert.Contains(refusal, refused.ToString(), StringComparison.Ordinal);
                output.WriteLine($"{name}: refused by the API server ({refusal})");
                continue;
            }

            await h.Apis.Secrets.CreateAsync(secret, ct);
            await h.Apis.Issuers.CreateAsync(new Issuer
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = h.Namespace },
                Spec = new IssuerSpec { Ca = new CaIssuer { SecretName = name } },
            }, ct);
            expected[name] = c.Expected("reason") is { } reason
                ? (ConditionStatus.False, reason, null)
                : (ConditionStatus.True, ConditionReasons.KeyPairVerified, null);
        }

        output.WriteLine($"{expected.Count} corpus Issuers created");
        foreach (var (name, want) in expected)
        {
            var issuer = await h.WaitForAsync(
                t => h.Apis.Issuers.GetAsync(h.Namespace, name, t),
                i => ConditionSet.Find(i.Status?.Conditions, ConditionTypes.Ready) is { } ready && ready.Status == want.Status && ready.Reason == want.Reason,
                Patience, $"Issuer {name} Ready={want.Status} {want.Reason}", ct);
            var message = ConditionSet.Find(issuer.Status!.Conditions, ConditionTypes.Ready)!.Message ?? "";
            output.WriteLine($"{name}: {want.Reason}: {message}");
            if (want.Message is { } fragment)
            {
                Assert.Contains(fragment, message, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("-----BEGIN", message, StringComparison.Ordinal);
            Assert.DoesNotContain(BadAcmeServers.InternalSecret, message, StringComparison.Ordinal);
            Assert.True(message.Length < 2048, $"{name}: condition message is {message.Length} characters");
        }

        await AssertWarningEventsAsync(h, expected.Where(e => e.Value.Status == ConditionStatus.False).ToDictionary(e => e.Key, e => e.Value.Reason), ct);
        h.AssertOperatorAlive();
        // Failing issuers retry with per-key exponential backoff (paced by the queue's token bucket while many fail at
        // once), and each retry bumps the Warning Event's count: a few writes per object, never one per reconcile loop.
        await AssertNoHotLoopAsync(h, expected.Keys, perObject: 6, ct);
        h.AssertOperatorAlive();
    }

    /// <summary>
    /// A case the CRD schema refuses never reaches the operator: the API answers 422 Invalid naming the field the corpus
    /// names (its schemaProblem path), as kube-apiserver does.
    /// </summary>
    private async Task ExpectSchemaRefusalAsync(IntegrationCorpusCase c, Func<Task> create)
    {
        var refused = await Assert.ThrowsAsync<KubeApiException>(create);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(c.SchemaProblemField, refused.Message, StringComparison.Ordinal);
        output.WriteLine($"{c.Name}: refused by the API server: {refused.Message}");
    }

    private async Task AssertWarningEventsAsync(OperatorHarness h, IReadOnlyDictionary<string, string> expected, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        IReadOnlyList<string> missing;
        do
        {
            var events = (await CoreResourceApis.Events(h.Env.Client).ListAsync(h.Namespace, null, ct)).Items;
            missing = expected.Where(e => !events.Any(ev => ev.InvolvedObject?.Name == e.Key && ev.Type == "Warning" && ev.Reason == e.Value))
                .Select(e => $"{e.Key} ({e.Value})").ToList();
            if (missing.Count == 0)
            {
                return;
            }

            await Task.Delay(250, ct);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail("no Warning Event with the expected reason for: " + string.Join(", ", missing));
    }

    private async Task AssertNoHotLoopAsync(OperatorHarness h, IReadOnlyCollection<string> names, int perObject, CancellationToken ct)
    {
        var server = h.Env.Server;
        if (server is null)
        {
            return; // Request counters exist only on the stand-in.
        }

        var writes = await WriteBudget.MeasureAsync(server, names, QuietWindow, ct);
        var total = server.Requests.Count(r => r.Verb is "create" or "update" or "patch" or "delete");
        output.WriteLine($"writes in {QuietWindow.TotalSeconds} s after settling: {total} total; busiest: " +
            string.Join(", ", writes.OrderByDescending(w => w.Value).Take(5).Select(w => $"{w.Key}={w.Value}")));
        if (writes.OrderByDescending(w => w.Value).FirstOrDefault() is { Value: > 0 } busiest)
        {
            output.WriteLine($"requests about {busiest.Key}: " + string.Join(", ", server.Requests.Snapshot()
                .Where(r => r.Key.Path.Contains(busiest.Key, StringComparison.Ordinal)).Select(r => $"{r.Key.Verb} {r.Key.Path} x{r.Value}")));
        }

        var hot = writes.Where(w => w.Value > perObject).ToList();
        Assert.True(hot.Count == 0, "hot loop: " + string.Join(", ", hot.Select(w => $"{w.Key} wrote {w.Value} times")));
        Assert.True(total <= perObject * names.Count, $"{total} writes in {QuietWindow.TotalSeconds} s for {names.Count} settled objects");
    }
}
