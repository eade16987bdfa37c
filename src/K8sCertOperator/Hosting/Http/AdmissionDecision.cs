namespace K8sCertOperator.Hosting.Http;

/// <summary>The policy's answer for one newcomer; <see cref="Victim"/> is the connection id to evict (0 unless evicting).</summary>
public readonly record struct AdmissionDecision(AdmissionKind Kind, long Victim)
{
    public static AdmissionDecision Admit { get; } = new(AdmissionKind.Admit, 0);

    public static AdmissionDecision Refuse { get; } = new(AdmissionKind.Refuse, 0);

    public static AdmissionDecision Evict(long victim) => new(AdmissionKind.AdmitByEvicting, victim);
}
