using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Step 4: obtains the certificate for the next key. SelfSigned and CA issuers sign here directly; ACME issuers
/// get exactly one Order per revision (replaced when the spec or key changed mid-flight), whose outcome the
/// Order informer brings back.
/// </summary>
public sealed class RequestStep : ICertificateStep
{
    private readonly CertificateOperations _ops;

    public RequestStep(CertificateOperations ops) => _ops = ops ?? throw new ArgumentNullException(nameof(ops));

    public string Name => "request";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var key = state.NextKey ?? throw new InvalidOperationException("request step needs the next private key");
        var parameters = CertificateTemplateFactory.Create(state.Spec);
        switch (state.IssuerType)
        {
            case IssuerType.SelfSigned:
                return SignSelf(state, key, parameters);
            case IssuerType.Ca:
                return await SignWithCaAsync(state, key, parameters, cancellationToken).ConfigureAwait(false);
            case IssuerType.Acme:
                return await EnsureOrderAsync(state, key, parameters, cancellationToken).ConfigureAwait(false);
            default:
                state.IssuanceFailure = "issuer type is not supported";
                return StepResult.Continue;
        }
    }

    private static StepResult SignSelf(CertificateSyncState state, CertificateKey key, CertificateIssuanceParameters parameters)
    {
        try
        {
            var issued = Pki.SelfSignedIssuer.Issue(key, parameters.Template, parameters.Duration, state.Now, X509FieldsMapper.IssuerUrls(state.Issuer?.Spec));
            state.Issued = new IssuedMaterial(issued.CertificatePem, CaCertificateSelector.Select(IssuerType.SelfSigned, issued.CertificatePem, issued.CaPem));
        }
        catch (PkiException e)
        {
            state.IssuanceFailure = "self-signing failed: " + e.Message;
        }

        return StepResult.Continue;
    }

    private async Task<StepResult> SignWithCaAsync(CertificateSyncState state, CertificateKey key, CertificateIssuanceParameters parameters, CancellationToken cancellationToken)
    {
        var secretName = state.Issuer!.Spec.Ca!.SecretName;
        var secretNamespace = Issuers.CaSecretSigning.SecretNamespace(_ops.Context, state.Spec.IssuerRef, state.Namespace);
        var result = await Issuers.CaSecretSigning.SignAsync(
            _ops.Context, secretNamespace, secretName, parameters.Template, key.GetPublicKey(), parameters.Duration, state.Now,
            X509FieldsMapper.IssuerUrls(state.Issuer.Spec), cancellationToken).ConfigureAwait(false);
        state.Issued = result.Issued ?? state.Issued;
        state.IssuanceFailure = result.Failure ?? state.IssuanceFailure;
        return StepResult.Continue;
    }

    private async Task<StepResult> EnsureOrderAsync(CertificateSyncState state, CertificateKey key, CertificateIssuanceParameters parameters, CancellationToken cancellationToken)
    {
        var revision = state.NextRevision;
        var request = OrderRequest.For(state.Certificate, revision, key.ExportSubjectPublicKeyInfo(), state.Certificate.Status?.FailedIssuanceAttempts ?? 0);
        var apis = _ops.Context.Apis;
        var owned = _ops.Context.Informers.Orders.ByIndex(CertificateIndexes.OrdersByOwnerUid, state.Certificate.Metadata.Uid ?? "");
        Order? match = null;
        foreach (var order in owned.Where(o => OrderFactory.RevisionOf(o) == revision))
        {
            if (match is null && OrderMatcher.Mismatch(order, request) is null)
            {
                match = order;
                continue;
            }

            // Spec, key or attempt changed since it was created: it can no longer produce what is wanted.
            await apis.Orders.DeleteAsync(order.Metadata.NamespaceProperty, order.Metadata.Name, cancellationToken).ConfigureAwait(false);
        }

        if (match is null)
        {
            var csr = CsrBuilder.BuildDer(key, parameters.Template);
            var order = OrderFactory.Build(state.Certificate, request, csr, state.Issuer?.Spec.Acme?.Profile, ReplacesCertId(state));
            try
            {
                await apis.Orders.CreateAsync(order, cancellationToken).ConfigureAwait(false);
                await _ops.RecordAsync(state, Kube.Events.EventTypes.Normal, "OrderCreated", $"Created Order {order.Metadata.Name}", cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.AlreadyExists)
            {
                // Created by an earlier reconcile the cache has not shown yet; its events bring us back.
            }

            return StepResult.Done();
        }

        var status = match.Status;
        if (status?.State == AcmeStates.Valid && status.Certificate is { Length: > 0 } chain)
        {
            var chainPem = Encoding.ASCII.GetString(chain);
            if (ChainProblem(chainPem, key) is { } problem)
            {
                state.IssuanceFailure = $"Order {match.Metadata.Name} returned an unusable certificate: {problem}";
                return StepResult.Continue;
            }

            state.Issued = new IssuedMaterial(chainPem, CaCertificateSelector.Select(IssuerType.Acme, chainPem, null));
            return StepResult.Continue;
        }

        if (AcmeStates.IsFailure(status?.State))
        {
            state.IssuanceFailure = $"Order {match.Metadata.Name} is {status!.State}" + (string.IsNullOrEmpty(status.Reason) ? "" : $": {status.Reason}");
            return StepResult.Continue;
        }

        await ReflectOrderRateLimitAsync(state, match, cancellationToken).ConfigureAwait(false);

        // Still in progress; the Order's updates re-enqueue this Certificate.
        return StepResult.Done();
    }

    /// <summary>
    /// Shows on the Certificate's Issuing condition that its Order waits for the account's order rate limit, and
    /// takes that back once the Order reached the CA (the Order controller owns the waiting and the Events).
    /// </summary>
    private async Task ReflectOrderRateLimitAsync(CertificateSyncState state, Order order, CancellationToken cancellationToken)
    {
        var issuing = ConditionSet.Find(state.Certificate.Status?.Conditions, ConditionTypes.Issuing);
        if (Orders.OrderRateLimits.IsWaiting(order.Status))
        {
            if (issuing?.Reason != Orders.OrderRateLimits.Reason)
            {
                await _ops.SetConditionAsync(state, ConditionTypes.Issuing, ConditionStatus.True, Orders.OrderRateLimits.Reason,
                    $"Order {order.Metadata.Name} waits: {order.Status!.Reason![(Orders.OrderRateLimits.Reason.Length + 2)..]}", cancellationToken).ConfigureAwait(false);
            }
        }
        else if (issuing?.Reason == Orders.OrderRateLimits.Reason && !string.IsNullOrEmpty(order.Status?.Url))
        {
            await _ops.SetConditionAsync(state, ConditionTypes.Issuing, ConditionStatus.True, ConditionReasons.Issuing,
                $"Order {order.Metadata.Name} was created at the ACME server", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Null when the downloaded chain parses and its leaf is for <paramref name="key"/>.</summary>
    public static string? ChainProblem(string chainPem, CertificateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            var chain = PemCodec.DecodeCertificates(chainPem);
            try
            {
                return key.PublicKeyMatches(chain[0]) ? null : "the leaf certificate is not for the requested private key";
            }
            finally
            {
                foreach (var c in chain)
                {
                    c.Dispose();
                }
            }
        }
        catch (Exception e) when (e is PkiException or CryptographicException or ArgumentException)
        {
            return e.Message;
        }
    }

    /// <summary>CertID of the certificate being renewed, when the Secret holds a readable one with an AKI.</summary>
    public static string? ReplacesCertId(CertificateSyncState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var leaf = state.LoadCurrentLeaf();
        if (leaf is null)
        {
            return null;
        }
        try
        {
            return K8sCertOperator.Acme.RenewalCertId.Compute(leaf);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or ArgumentException or InvalidOperationException)
        {
            // No authority key identifier, or a serial the CertID cannot carry: order without `replaces`.
            return null;
        }
    }
}
