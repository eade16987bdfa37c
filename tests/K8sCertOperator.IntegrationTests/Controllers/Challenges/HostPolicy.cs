using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.StandIn;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>
/// A namespace's host policy that refuses Ingresses for one host there. On a real cluster a ValidatingAdmissionPolicy
/// and its binding (admissionregistration.k8s.io/v1, Kubernetes 1.30+); on the stand-in its fault hooks answer every
/// Ingress write in the namespace as kube-apiserver does for a webhook's denial (the stand-in's hooks do not see the
/// body, so the whole namespace stands in for the host).
/// </summary>
internal sealed class HostPolicy : IAsyncDisposable
{
    private const string PolicyApi = "validatingadmissionpolicies";

    private readonly KubeTestEnvironment _env;
    private readonly string? _policyName;

    private HostPolicy(KubeTestEnvironment env, string? policyName, string denialFragment)
    {
        _env = env;
        _policyName = policyName;
        DenialFragment = denialFragment;
    }

    /// <summary>Text every refusal carries, whichever tier refused.</summary>
    public string DenialFragment { get; }

    /// <summary>Why the policy cannot be played on this tier (API not served), or null.</summary>
    public static async Task<string?> MissingReasonAsync(KubeTestEnvironment env, CancellationToken ct)
    {
        if (!env.IsRealCluster)
        {
            return null;
        }
        try
        {
            var resources = await env.Client.AdmissionregistrationV1.GetAPIResourcesAsync(ct);
            return resources.Resources.Any(r => r.Name == PolicyApi)
                ? null
                : "the cluster does not serve admissionregistration.k8s.io/v1 validatingadmissionpolicies (Kubernetes 1.30+)";
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return "the cluster does not serve admissionregistration.k8s.io/v1";
        }
    }

    /// <summary>Refuses Ingresses naming <paramref name="host"/> in <paramref name="ns"/> from now on.</summary>
    public static async Task<HostPolicy> RefuseAsync(KubeTestEnvironment env, string ns, string host, CancellationToken ct)
    {
        var reason = $"host {host} is reserved for another namespace";
        if (env.Server is { } standIn)
        {
            // kube-apiserver's answer to a webhook denial: code from the webhook (>= 400), its reason, and
            // the message "admission webhook \"NAME\" denied the request: MESSAGE".
            var denial = new ApiException(403, "Forbidden", $"admission webhook \"hosts.policy.example.com\" denied the request: {reason}");
            standIn.Faults.RefuseNext(1000, denial, r => r.Plural == "ingresses" && r.Namespace == ns && r.Verb is "create" or "update");
            return new HostPolicy(env, null, "denied the request");
        }

        var name = "k8scert-test-hosts-" + ns;
        await env.Client.AdmissionregistrationV1.CreateValidatingAdmissionPolicyAsync(new V1ValidatingAdmissionPolicy
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["k8scert.io/test"] = "true" } },
            Spec = new V1ValidatingAdmissionPolicySpec
            {
                FailurePolicy = "Fail",
                MatchConstraints = new V1MatchResources
                {
                    ResourceRules =
                    [
                        new V1NamedRuleWithOperations
                        {
                            ApiGroups = ["networking.k8s.io"],
                            ApiVersions = ["v1"],
                            Operations = ["CREATE", "UPDATE"],
                            Resources = ["ingresses"],
                        },
                    ],
                },
                Validations =
                [
                    new V1Validation
                    {
                        Expression = $"!has(object.spec.rules) || !object.spec.rules.exists(r, has(r.host) && r.host == '{host}')",
                        Message = reason,
                        Reason = "Forbidden",
                    },
                ],
            },
        }, cancellationToken: ct);
        await env.Client.AdmissionregistrationV1.CreateValidatingAdmissionPolicyBindingAsync(new V1ValidatingAdmissionPolicyBinding
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["k8scert.io/test"] = "true" } },
            Spec = new V1ValidatingAdmissionPolicyBindingSpec
            {
                PolicyName = name,
                ValidationActions = ["Deny"],
                MatchResources = new V1MatchResources
                {
                    NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = ns } },
                },
            },
        }, cancellationToken: ct);
        var policy = new HostPolicy(env, name, "denied request");
        await policy.WaitEnforcedAsync(ns, host, ct);
        return policy;
    }

    public async ValueTask DisposeAsync()
    {
        if (_policyName is null)
        {
            _env.Server?.Faults.Clear();
            return;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _env.Client.AdmissionregistrationV1.DeleteValidatingAdmissionPolicyBindingAsync(_policyName, cancellationToken: timeout.Token);
        await _env.Client.AdmissionregistrationV1.DeleteValidatingAdmissionPolicyAsync(_policyName, cancellationToken: timeout.Token);
    }

    // A new policy takes a moment to be loaded by the API server: probe with dry-run Ingresses until one is refused.
    private async Task WaitEnforcedAsync(string ns, string host, CancellationToken ct)
    {
        var probe = new V1Ingress
        {
            Metadata = new V1ObjectMeta { Name = "k8scert-policy-probe", NamespaceProperty = ns },
            Spec = new V1IngressSpec
            {
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = host,
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                new V1HTTPIngressPath
                                {
                                    Path = "/", PathType = "Prefix",
                                    Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "probe", Port = new V1ServiceBackendPort { Number = 80 } } },
                                },
                            ],
                        },
                    },
                ],
            },
        };
        while (true)
        {
            try
            {
                await _env.Client.NetworkingV1.CreateNamespacedIngressAsync(probe, ns, dryRun: "All", cancellationToken: ct);
            }
            catch (HttpOperationException e) when ((int)e.Response.StatusCode is >= 400 and < 500 && e.Response.Content.Contains(DenialFragment, StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(500, ct);
        }
    }
}
