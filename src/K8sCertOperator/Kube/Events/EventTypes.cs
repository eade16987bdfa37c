namespace K8sCertOperator.Kube.Events;

/// <summary>The two Kubernetes event types.</summary>
public static class EventTypes
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";
}
