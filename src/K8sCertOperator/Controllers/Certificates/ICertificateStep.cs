namespace K8sCertOperator.Controllers.Certificates;

/// <summary>One single-purpose part of Certificate reconciliation (cert-manager's trigger, key manager, ...).</summary>
public interface ICertificateStep
{
    string Name { get; }

    Task<StepResult> RunAsync(CertificateSyncState state, CancellationToken cancellationToken);
}
