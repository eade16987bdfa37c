using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Cli.Ops;

/// <summary>Objects the CLI tests read: a Ready Certificate with a self-signed Secret, and a failing one.</summary>
internal static class OpsCliObjects
{
    public static readonly DateTime NotBefore = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<Certificate> CreateReadyAsync(OperatorApis apis, string ns, string name, CancellationToken ct)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 256, PrivateKeyEncoding.Pkcs8));
        var issued = Pki.SelfSignedIssuer.Issue(key, new CertificateTemplate { CommonName = "ready.example.com", DnsNames = ["ready.example.com", "www.example.com"] },
            TimeSpan.FromDays(90), new DateTimeOffset(NotBefore));
        await apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name + "-tls", NamespaceProperty = ns },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.UTF8.GetBytes(issued.CertificatePem),
                ["tls.key"] = Encoding.UTF8.GetBytes(key.ExportPem(PrivateKeyEncoding.Pkcs8)),
                ["ca.crt"] = Encoding.UTF8.GetBytes(issued.CaPem),
            },
        }, ct);
        var created = await apis.Certificates.CreateAsync(new Certificate
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new CertificateSpec
            {
                SecretName = name + "-tls",
                DnsNames = ["ready.example.com", "www.example.com"],
                IssuerRef = new ObjectReference { Name = "selfsigned", Kind = ApiGroups.IssuerKind },
            },
        }, ct);
        created.Status = new CertificateStatus
        {
            Conditions =
            [
                new Condition { Type = ConditionTypes.Ready, Status = ConditionStatus.True, Reason = "Ready", Message = "Certificate is up to date and has not expired", LastTransitionTime = NotBefore },
            ],
            NotBefore = NotBefore,
            NotAfter = NotBefore.AddDays(90),
            RenewalTime = NotBefore.AddDays(60),
            Revision = 1,
        };
        return await apis.Certificates.ReplaceStatusAsync(created, ct);
    }

    public static async Task<Certificate> CreateFailingAsync(OperatorApis apis, string ns, string name, CancellationToken ct)
    {
        var created = await apis.Certificates.CreateAsync(new Certificate
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = new CertificateSpec
            {
                SecretName = name + "-tls",
                DnsNames = ["broken.example.com"],
                IssuerRef = new ObjectReference { Name = "missing", Kind = ApiGroups.IssuerKind },
            },
        }, ct);
        created.Status = new CertificateStatus
        {
            Conditions =
            [
                new Condition { Type = ConditionTypes.Ready, Status = ConditionStatus.False, Reason = "IssuerNotFound", Message = "Issuer missing not found", LastTransitionTime = NotBefore },
            ],
            FailedIssuanceAttempts = 2,
            LastFailureTime = NotBefore.AddHours(1),
        };
        return await apis.Certificates.ReplaceStatusAsync(created, ct);
    }

    /// <summary>A pending Order of <paramref name="certificate"/> with one Challenge stuck in presentation.</summary>
    public static async Task CreatePendingOrderAsync(OperatorApis apis, Certificate certificate, CancellationToken ct)
    {
        var ns = certificate.Metadata.NamespaceProperty;
        var order = await apis.Orders.CreateAsync(new Order
        {
            Metadata = new V1ObjectMeta
            {
                Name = certificate.Metadata.Name + "-1-abc",
                NamespaceProperty = ns,
                Annotations = new Dictionary<string, string> { [AnnotationKeys.CertificateRevision] = "1" },
                OwnerReferences = [new V1OwnerReference { ApiVersion = ApiGroups.CertApiVersion, Kind = ApiGroups.CertificateKind, Name = certificate.Metadata.Name, Uid = certificate.Metadata.Uid }],
            },
            Spec = new OrderSpec { Request = [1, 2, 3], IssuerRef = certificate.Spec.IssuerRef, DnsNames = certificate.Spec.DnsNames },
        }, ct);
        order.Status = new OrderStatus { State = AcmeStates.Pending, Url = "https://acme.example/order/1" };
        order = await apis.Orders.ReplaceStatusAsync(order, ct);
        var challenge = await apis.Challenges.CreateAsync(new Challenge
        {
            Metadata = new V1ObjectMeta
            {
                Name = order.Metadata.Name + "-123",
                NamespaceProperty = ns,
                OwnerReferences = [new V1OwnerReference { ApiVersion = ApiGroups.AcmeApiVersion, Kind = ApiGroups.OrderKind, Name = order.Metadata.Name, Uid = order.Metadata.Uid }],
            },
            Spec = new ChallengeSpec
            {
                Url = "https://acme.example/chall/1",
                AuthorizationUrl = "https://acme.example/authz/1",
                DnsName = "broken.example.com",
                Type = ChallengeTypes.Http01,
                Token = "token",
                Key = "token.thumb",
                Solver = new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01() },
                IssuerRef = certificate.Spec.IssuerRef,
            },
        }, ct);
        challenge.Status = new ChallengeStatus { State = AcmeStates.Pending, Reason = "Waiting for HTTP-01 challenge propagation" };
        await apis.Challenges.ReplaceStatusAsync(challenge, ct);
    }
}
