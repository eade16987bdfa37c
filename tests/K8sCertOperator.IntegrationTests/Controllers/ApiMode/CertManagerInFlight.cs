using System.Text;
using k8s.Models;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// An issuance cert-manager left half-done, written the way cert-manager writes it before the operator starts: the
/// ACME account (key Secret, registered at Pebble), the Certificate with Issuing=True and its next private key, an
/// approved CertificateRequest of revision 1 named <c>&lt;cert&gt;-&lt;random&gt;</c>, the Order
/// <c>&lt;request&gt;-&lt;hash&gt;</c> it owns holding a real pending order at Pebble, and one Challenge
/// <c>&lt;order&gt;-&lt;hash&gt;</c> per authorization: the first presented and processing under cert-manager's
/// legacy finalizer, the second not yet scheduled.
/// </summary>
internal sealed class CertManagerInFlight : IDisposable
{
    /// <summary>cert-manager's finalizer before it became domain-qualified; still on Challenges of older installs.</summary>
    public const string LegacyFinalizer = "finalizer.acme.cert-manager.io";

    private readonly HttpClient _http;
    private readonly IJwsSigner _accountKey;

    private CertManagerInFlight(HttpClient http, IJwsSigner accountKey, AcmeClient client)
    {
        _http = http;
        _accountKey = accountKey;
        Client = client;
    }

    /// <summary>The ACME client of the issuer's account (the account cert-manager registered).</summary>
    public AcmeClient Client { get; }

    public string RequestName { get; private set; } = "";

    public Order Order { get; private set; } = null!;

    public IReadOnlyList<Challenge> Challenges { get; private set; } = [];

    public static async Task<CertManagerInFlight> LeaveAsync(OperatorHarness h, string certificate, IReadOnlyList<string> dnsNames, CancellationToken ct)
    {
        var accountKey = JwsSigners.CreateEs256();
        var http = h.Pebble.CreateHttpClient();
        var left = new CertManagerInFlight(http, accountKey, h.Pebble.CreateClient(http, accountKey));
        await h.Apis.Secrets.CreateAsync(AcmeAccountKeys.NewSecret(h.Namespace, "pebble-account", AcmeAccountKeys.DefaultSecretKey, accountKey.ExportPrivateKeyPem()), ct);
        await left.Client.NewAccountAsync(["inflight@example.com"], true, null, ct);
        var issuer = await h.CreateAcmeIssuerAsync("pebble", ct);
        var cert = await h.CreateCertificateAsync(certificate, "pebble", dnsNames, ct, spec => spec.IssuerRef.Group = ApiGroups.CertManager);
        await left.LeaveRequestAsync(h, cert, ct);
        await left.LeaveOrderAsync(h, issuer, dnsNames, ct);
        return left;
    }

    private async Task LeaveRequestAsync(OperatorHarness h, Certificate cert, CancellationToken ct)
    {
        var ns = h.Namespace;
        var template = CertificateTemplateFactory.Create(cert.Spec);
        using var key = PrivateKeyGenerator.Generate(template.PrivateKey);
        var keySecret = cert.Metadata.Name + "-8xk2q";
        await h.Apis.Secrets.CreateAsync(KeyManagerStep.BuildKeySecret(cert, keySecret, key, PrivateKeyEncoding.Pkcs1), ct);
        await h.Apis.Certificates.PatchStatusAsync(ns, cert.Metadata.Name, $$$"""
            {"status":{"nextPrivateKeySecretName":"{{{keySecret}}}","conditions":[{"type":"Issuing","status":"True","reason":"DoesNotExist",
            "message":"Issuing certificate as Secret does not exist","lastTransitionTime":"{{{Now}}}","observedGeneration":1}]}}
            """, ct);

        RequestName = cert.Metadata.Name + "-x7k2p";
        var request = await h.Apis.CertificateRequests.CreateAsync(new CertificateRequest
        {
            Metadata = new V1ObjectMeta
            {
                Name = RequestName,
                NamespaceProperty = ns,
                Annotations = new Dictionary<string, string>
                {
                    [AnnotationKeys.CertificateName] = cert.Metadata.Name,
                    [AnnotationKeys.CertificateRevision] = "1",
                    [AnnotationKeys.PrivateKeySecretName] = keySecret,
                },
                OwnerReferences = [CertificateOwnership.OwnerReference(cert)],
            },
            Spec = new CertificateRequestSpec
            {
                Request = Encoding.ASCII.GetBytes(CsrBuilder.BuildPem(key, template.Template)),
                IssuerRef = new ObjectReference { Name = "pebble", Kind = ApiGroups.IssuerKind, Group = ApiGroups.CertManager },
            },
        }, ct);
        await h.Apis.CertificateRequests.PatchStatusAsync(ns, RequestName, $$$"""
            {"status":{"conditions":[
            {"type":"Approved","status":"True","reason":"cert-manager.io","message":"Certificate request has been approved by cert-manager.io","lastTransitionTime":"{{{Now}}}"},
            {"type":"Ready","status":"False","reason":"Pending","message":"Waiting on certificate issuance from order","lastTransitionTime":"{{{Now}}}"}]}}
            """, ct);
        _request = request;
    }

    private CertificateRequest? _request;

    private async Task LeaveOrderAsync(OperatorHarness h, Issuer issuer, IReadOnlyList<string> dnsNames, CancellationToken ct)
    {
        var request = _request!;
        var spec = new OrderSpec
        {
            Request = PemCodec.DecodeCertificateRequestDer(Encoding.ASCII.GetString(request.Spec.Request)),
            IssuerRef = request.Spec.IssuerRef,
            DnsNames = [.. dnsNames],
        };
        var order = await h.Apis.Orders.CreateAsync(new Order
        {
            Metadata = new V1ObjectMeta
            {
                Name = RequestName + "-3847261950",
                NamespaceProperty = h.Namespace,
                OwnerReferences = [K8sCertOperator.Kube.ControllerOwner.Reference(ApiGroups.CertApiVersion, ApiGroups.CertificateRequestKind, request.Metadata)],
            },
            Spec = spec,
        }, ct);
        // A real order at the CA: its URL, finalize URL and authorizations as cert-manager records them.
        order.Status = await OrderCreator.CreateAsync(Client, spec, DateTimeOffset.UtcNow, ct);
        Order = await h.Apis.Orders.ReplaceStatusAsync(order, ct);

        var challenges = new List<Challenge>();
        foreach (var (authz, index) in Order.Status!.Authorizations!.Select((a, i) => (a, i)))
        {
            var offered = authz.Challenges!.First(c => c.Type == "http-01");
            var challenge = await h.Apis.Challenges.CreateAsync(new Challenge
            {
                Metadata = new V1ObjectMeta
                {
                    Name = $"{Order.Metadata.Name}-{1298700000 + index}",
                    NamespaceProperty = h.Namespace,
                    Finalizers = index == 0 ? [LegacyFinalizer] : null,
                    OwnerReferences = [K8sCertOperator.Kube.ControllerOwner.Reference(ApiGroups.AcmeApiVersion, ApiGroups.OrderKind, Order.Metadata)],
                },
                Spec = new ChallengeSpec
                {
                    Url = offered.Url,
                    AuthorizationUrl = authz.Url,
                    DnsName = authz.Identifier ?? "",
                    Type = ChallengeTypes.Http01,
                    Token = offered.Token,
                    Key = Client.GetKeyAuthorization(offered.Token),
                    Solver = issuer.Spec.Acme!.Solvers![0],
                    IssuerRef = spec.IssuerRef,
                },
            }, ct);
            challenge.Status = new ChallengeStatus { Presented = index == 0, Processing = index == 0, State = AcmeStates.Pending };
            challenges.Add(await h.Apis.Challenges.ReplaceStatusAsync(challenge, ct));
        }

        Challenges = challenges;
    }

    /// <summary>A cert-manager Challenge whose Order no longer exists, still holding the legacy finalizer.</summary>
    public static Task<Challenge> LeaveOrphanAsync(OperatorHarness h, string name, CancellationToken ct) =>
        h.Apis.Challenges.CreateAsync(new Challenge
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = h.Namespace,
                Finalizers = [LegacyFinalizer],
                OwnerReferences =
                [
                    new V1OwnerReference
                    {
                        ApiVersion = ApiGroups.AcmeApiVersion, Kind = ApiGroups.OrderKind, Name = "gone-1-2829172",
                        Uid = Guid.NewGuid().ToString(), Controller = true, BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = new ChallengeSpec
            {
                Url = "https://127.0.0.1:1/chalZ/gone",
                AuthorizationUrl = "https://127.0.0.1:1/authZ/gone",
                DnsName = "gone.example.com",
                Type = ChallengeTypes.Http01,
                Token = "gone-token",
                Key = "gone-token.thumbprint",
                Solver = ChallengeSolvers.Http01Ingress(),
                IssuerRef = new ObjectReference { Name = "pebble", Kind = ApiGroups.IssuerKind, Group = ApiGroups.CertManager },
            },
        }, ct);

    public void Dispose()
    {
        _http.Dispose();
        _accountKey.Dispose();
    }

    private static string Now => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
