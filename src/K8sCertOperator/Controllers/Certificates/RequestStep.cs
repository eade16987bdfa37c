using System.Security.Cryptography;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Controllers.CertificateRequests.AcmeOrders;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Step 4: asks for the certificate of the next key through exactly one CertificateRequest per revision and attempt
/// (replaced when the spec or key changed mid-flight), owned by the Certificate. Approval and signing happen on the
/// request (ACME issuers through an Order); its updates bring the outcome back, which <see cref="RequestOutcome"/> reads.
/// </summary>
public sealed class RequestStep : ICertificateStep
{
    private readonly CertificateOperations _ops;
    private readonly RequestOutcome _outcome;
    private readonly InFlightRequests _inFlight;

    public RequestStep(CertificateOperations ops)
    {
        _ops = ops ?? throw new ArgumentNullException(nameof(ops));
        _outcome = new RequestOutcome(ops);
        _inFlight = new InFlightRequests(ops);
    }

    public string Name => "request";

    public async Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var key = state.NextKey ?? throw new InvalidOperationException("request step needs the next private key");
        var revision = state.NextRevision;
        var wanted = OrderRequest.For(state.Certificate, revision, key.ExportSubjectPublicKeyInfo(), state.Certificate.Status?.FailedIssuanceAttempts ?? 0);
        var requests = CertificateRequestInformer.Of(_ops.Context)
            .ByIndex(CertificateIndexes.RequestsByOwnerUid, state.Certificate.Metadata.Uid ?? "")
            .Where(r => CertificateRequestFactory.RevisionOf(r.Metadata) == revision)
            .ToList();
        var match = requests.FirstOrDefault(r => r.Metadata.Name == wanted.OrderName);
        var foreign = match is null ? requests.Where(r => InFlightRequests.IsForeign(r, state.Name, revision)).ToList() : [];
        // One someone else left in flight (cert-manager, before the take-over) is resumed when it still can be.
        match ??= await _inFlight.AdoptAsync(state, foreign, wanted.PublicKeySpki, cancellationToken).ConfigureAwait(false);
        foreach (var request in requests.Except(foreign).Where(r => r != match))
        {
            // Spec, key or attempt changed since it was created: it can no longer produce what is wanted.
            await RequestCleanUp.DeleteAsync(_ops.Context, request, cancellationToken).ConfigureAwait(false);
        }

        if (match is null)
        {
            return await CreateAsync(state, key, wanted, cancellationToken).ConfigureAwait(false);
        }

        return await _outcome.ReadAsync(state, match, key, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StepResult> CreateAsync(CertificateSyncState state, CertificateKey key, OrderRequest wanted, CancellationToken cancellationToken)
    {
        string csrPem;
        try
        {
            csrPem = CsrBuilder.BuildPem(key, CertificateTemplateFactory.Create(state.Spec).Template);
        }
        catch (Exception e) when (e is PkiException or CryptographicException)
        {
            // The signing key cannot make what the spec asks for (e.g. its signature algorithm).
            state.IssuanceFailure = "building the certificate signing request failed: " + e.Message;
            return StepResult.Continue;
        }

        // The request names the next key: the status that records it must be stored first.
        if (!await _ops.FlushStatusAsync(state, cancellationToken).ConfigureAwait(false))
        {
            return StepResult.Done();
        }

        var request = CertificateRequestFactory.Build(state.Certificate, wanted, csrPem, state.Certificate.Status?.NextPrivateKeySecretName, ReplacesCertId(state));
        try
        {
            await _ops.Context.Apis.CertificateRequests.CreateAsync(request, cancellationToken).ConfigureAwait(false);
            await _ops.RecordAsync(state, Kube.Events.EventTypes.Normal, CertificateReasons.Requested,
                $"Created CertificateRequest {request.Metadata.Name} for revision {wanted.Revision}", cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.AlreadyExists)
        {
            // Created by an earlier reconcile the cache has not shown yet; its events bring us back.
        }

        return StepResult.Done();
    }

    /// <summary>CertID of the certificate being renewed, when the Secret holds a readable one with an AKI.</summary>
    public static string? ReplacesCertId(CertificateSyncState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        // No readable leaf, or no authority key identifier: order without `replaces`.
        return state.CurrentLeafInfo() is { AuthorityKeyIdentifier: { Length: > 0 } aki } leaf
            ? K8sCertOperator.Acme.RenewalCertId.Compute(aki, leaf.SerialNumber)
            : null;
    }
}
