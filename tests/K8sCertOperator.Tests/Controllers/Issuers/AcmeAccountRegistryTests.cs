using k8s;
using k8s.Models;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>Registry look-ups that need no API server: not-ready reasons, cached clients and eviction.</summary>
public sealed class AcmeAccountRegistryTests : IDisposable
{
    private readonly StubInformer<Issuer> _issuers = new();
    private readonly StubInformer<ClusterIssuer> _clusterIssuers = new();
    private readonly Kubernetes _client = new(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
    private readonly AcmeAccountRegistry _registry;
    private readonly HttpClient _http = new();

    public AcmeAccountRegistryTests()
    {
        var informers = new OperatorInformers
        {
            Certificates = new StubInformer<Certificate>(),
            Issuers = _issuers,
            ClusterIssuers = _clusterIssuers,
            Orders = new StubInformer<Order>(),
            Challenges = new StubInformer<Challenge>(),
            ManagedSecrets = new StubInformer<V1Secret>(),
            ChallengeIngresses = new StubInformer<V1Ingress>(),
        };
        _registry = new AcmeAccountRegistry(new OperatorApis(_client), informers, new OperatorOptions { Namespace = "operator" }, NullLoggerFactory.Instance);
    }

    public static TheoryData<string, string, string> NotReadyCases() => new()
    {
        { "missing", "Issuer", "Issuer ns/missing not found" },
        { "missing", "ClusterIssuer", "ClusterIssuer missing not found" },
        { "selfsigned", "Issuer", "is not an ACME issuer" },
        { "pending", "Issuer", "is not ready (no Ready condition yet)" },
        { "failed", "Issuer", "is not ready (ErrRegisterACMEAccount: boom)" },
        { "nouri", "Issuer", "has no registered ACME account recorded" },
    };

    [Theory]
    [MemberData(nameof(NotReadyCases))]
    public async Task Not_ready_lookups_say_why(string name, string kind, string expected)
    {
        _issuers.Add(new Issuer { Metadata = Meta("selfsigned"), Spec = new IssuerSpec { SelfSigned = new K8sCertOperator.Api.SelfSignedIssuer() } });
        _issuers.Add(Acme("pending", null, null));
        _issuers.Add(Acme("failed", Ready(ConditionStatus.False, ConditionReasons.ErrRegisterAcmeAccount, "boom"), null));
        _issuers.Add(Acme("nouri", Ready(ConditionStatus.True, ConditionReasons.AcmeAccountRegistered, "ok"), new AcmeIssuerStatus()));

        var lookup = await _registry.GetAsync(new ObjectReference { Name = name, Kind = kind }, "ns", CancellationToken.None);

        Assert.False(lookup.IsReady);
        Assert.Contains(expected, lookup.NotReadyReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_clients_are_served_until_the_issuer_changes_or_goes()
    {
        var issuer = Acme("acme", Ready(ConditionStatus.True, ConditionReasons.AcmeAccountRegistered, "ok"),
            new AcmeIssuerStatus { Uri = "https://acme.example/acct/1", LastPrivateKeyHash = "h1" });
        _issuers.Add(issuer);
        using var key = JwsSigners.CreateEs256();
        var client = new AcmeClient(_http, new Uri("https://acme.example/dir"), key, new Uri("https://acme.example/acct/1"));
        var cacheKey = AcmeAccountCacheKey.FromStatus(issuer)!.Value;
        _registry.Store(cacheKey, client);

        var lookup = await _registry.GetAsync(new ObjectReference { Name = "acme" }, "ns", CancellationToken.None);
        Assert.Same(client, lookup.Client);

        // A status change (new key) makes the cached client stale.
        var rekeyed = Acme("acme", issuer.Status!.Conditions, new AcmeIssuerStatus { Uri = "https://acme.example/acct/2", LastPrivateKeyHash = "h2" });
        _issuers.Update(rekeyed);
        Assert.False(_registry.Contains(cacheKey));
        Assert.Equal(0, _registry.Count);

        _registry.Store(AcmeAccountCacheKey.FromStatus(rekeyed)!.Value, client);
        _issuers.Delete(rekeyed);
        Assert.Equal(0, _registry.Count);
    }

    [Fact]
    public void Cache_key_changes_with_server_tls_key_and_account()
    {
        var issuer = Acme("acme", null, new AcmeIssuerStatus { Uri = "https://acme.example/acct/1", LastPrivateKeyHash = "h1" });
        var baseline = AcmeAccountCacheKey.FromStatus(issuer);

        issuer.Spec.Acme!.SkipTlsVerify = true;
        var insecure = AcmeAccountCacheKey.FromStatus(issuer);
        issuer.Spec.Acme.Server = "https://other.example/dir";
        var moved = AcmeAccountCacheKey.FromStatus(issuer);

        Assert.NotNull(baseline);
        Assert.NotEqual(baseline, insecure);
        Assert.NotEqual(insecure, moved);
        Assert.Null(AcmeAccountCacheKey.FromStatus(Acme("acme", null, new AcmeIssuerStatus { Uri = "u" })));
    }

    public void Dispose()
    {
        _registry.Dispose();
        _http.Dispose();
        _client.Dispose();
    }

    private static V1ObjectMeta Meta(string name) => new() { Name = name, NamespaceProperty = "ns", Uid = "uid-" + name, Generation = 1 };

    private static List<Condition>? Ready(string status, string reason, string message) =>
        [new Condition { Type = ConditionTypes.Ready, Status = status, Reason = reason, Message = message, ObservedGeneration = 1 }];

    private static Issuer Acme(string name, List<Condition>? conditions, AcmeIssuerStatus? status) => new()
    {
        Metadata = Meta(name),
        Spec = new IssuerSpec { Acme = new AcmeIssuer { Server = "https://acme.example/dir", PrivateKeySecretRef = new SecretKeySelector { Name = "key" } } },
        Status = conditions is null && status is null ? null : new IssuerStatus { Conditions = conditions, Acme = status },
    };
}
