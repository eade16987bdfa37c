namespace K8sCertOperator.Hosting.Http;

/// <summary>What to do with a connection just accepted, as decided by <see cref="ConnectionBudgetPolicy"/>.</summary>
public enum AdmissionKind
{
    /// <summary>A slot is free: serve it.</summary>
    Admit,

    /// <summary>The budget is full: close <see cref="AdmissionDecision.Victim"/> and give its slot to the newcomer.</summary>
    AdmitByEvicting,

    /// <summary>Every slot is answering a complete request: close the newcomer at once.</summary>
    Refuse,
}
