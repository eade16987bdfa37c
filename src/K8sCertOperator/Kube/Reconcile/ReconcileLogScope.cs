using System.Collections;
using System.Globalization;
using System.Text;

namespace K8sCertOperator.Kube.Reconcile;

/// <summary>
/// The log scope of one reconcile. Structured formatters (JSON) read it as key/value pairs; the text console
/// prints a scope with ToString, so that renders the same pairs as <c>Key=value</c> instead of a type name.
/// </summary>
public sealed class ReconcileLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;

    public ReconcileLogScope(string controller, ObjectKey key, string reconcileId)
    {
        _values =
        [
            new("Controller", controller),
            new("Namespace", key.Namespace),
            new("Name", key.Name),
            new("ReconcileId", reconcileId),
        ];
    }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>"Controller=c Namespace=ns Name=n ReconcileId=id"; pairs without a value (cluster-scoped namespace) are left out.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in _values)
        {
            if (value is null || (value is string s && s.Length == 0))
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append(' ');
            }
            text.Append(name).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
