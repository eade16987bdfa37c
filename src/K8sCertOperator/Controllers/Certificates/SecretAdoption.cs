namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Whether a Certificate may write its target Secret, and whether doing so takes over one the operator did not make.</summary>
/// <param name="MayWrite">False: the Secret holds someone else's data and is left untouched.</param>
/// <param name="IsAdoption">The Secret exists but was not made by the operator (worth an Event when written).</param>
/// <param name="Message">Why, for the Event or the Ready condition; null when the Secret is absent or already ours.</param>
public sealed record SecretAdoption(bool MayWrite, bool IsAdoption, string? Message)
{
    /// <summary>No Secret yet, or one the operator made: write freely.</summary>
    public static SecretAdoption Owned { get; } = new(true, false, null);

    public static SecretAdoption Adopt(string message) => new(true, true, message);

    public static SecretAdoption Refuse(string message) => new(false, false, message);
}
