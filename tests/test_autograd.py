"""Part 4: the scalar autograd engine nn_core.autograd."""
import math

import numpy as np
import pytest

from nn_core import NeuralNetwork
from nn_core.autograd import Value, topological_order

OPS = {
    "add": lambda x, y: x + y, "radd": lambda x, y: 2.5 + x, "sub": lambda x, y: x - y,
    "rsub": lambda x, y: 1.5 - y, "mul": lambda x, y: x * y, "rmul": lambda x, y: 3 * y,
    "div": lambda x, y: x / y, "rdiv": lambda x, y: 2 / x, "pow": lambda x, y: x ** 3,
    "neg": lambda x, y: -x, "exp": lambda x, y: (x * 0.5).exp(), "log": lambda x, y: (x * x + 1).log(),
    "tanh": lambda x, y: (x * y).tanh(), "relu": lambda x, y: (x - y).relu(),
    "sigmoid": lambda x, y: (x * y).sigmoid(), "pow_frac": lambda x, y: (x * x + 1) ** 0.5,
    "chain": lambda x, y: ((x * y + x) * (y - 3).tanh() + (x * x).exp() / y).relu() * 2,
}


def _num_grad(f, x, y, eps=1e-6):
    def val(a, b):
        return f(Value(a), Value(b)).data
    return ((val(x + eps, y) - val(x - eps, y)) / (2 * eps), (val(x, y + eps) - val(x, y - eps)) / (2 * eps))


@pytest.mark.parametrize("name", OPS)
def test_gradients_match_numerical_ones(name):
    for x0, y0 in [(0.7, -1.3), (1.9, 0.4), (-0.6, 2.2)]:
        x, y = Value(x0), Value(y0)
        out = OPS[name](x, y)
        out.backward()
        gx, gy = _num_grad(OPS[name], x0, y0)
        assert math.isclose(x.grad, gx, rel_tol=1e-6, abs_tol=1e-8), (name, x0, y0)
        assert math.isclose(y.grad, gy, rel_tol=1e-6, abs_tol=1e-8), (name, x0, y0)


def test_a_value_used_twice_gets_both_contributions_and_backward_twice_is_the_same():
    a = Value(3.0)
    b = a * a + a          # db/da = 2a + 1 = 7
    b.backward()
    assert a.grad == 7.0
    b.backward()
    assert a.grad == 7.0   # backward() recomputes, it does not add to the old gradient


def test_topological_order_puts_inputs_first():
    a, b = Value(1.0), Value(2.0)
    c = a * b
    d = c + a
    e = d * c
    order = topological_order(e)
    assert order[-1] is e and len(order) == 5
    pos = {id(v): i for i, v in enumerate(order)}
    for v in order:
        for child in v._prev:
            assert pos[id(child)] < pos[id(v)]


def test_deep_graph_needs_no_recursion():
    x = Value(0.5)
    y = x
    for _ in range(5000):
        y = y * 1.0001
    y.backward()
    assert math.isclose(x.grad, 1.0001 ** 5000, rel_tol=1e-9)


def test_numpy_scalars_work_and_arrays_are_refused():
    x = Value(2.0)
    assert (np.float64(3.0) * x).data == 6.0 and (x + np.float32(1)).data == 3.0 and (np.int64(2) - x).data == 0
    for bad in (lambda: x + np.ones(3), lambda: np.ones(3) + x, lambda: np.ones((2, 2)) * x, lambda: x * np.ones(2)):
        with pytest.raises(TypeError, match="NumPy array of shape"):
            bad()
    with pytest.raises(TypeError, match="real number"):
        x + "1"
    with pytest.raises(TypeError, match="real number"):
        Value(True)
    with pytest.raises(ValueError, match="finite"):
        Value(float("nan"))
    with pytest.raises(TypeError, match="exponent must be a constant"):
        x ** Value(2.0)
    with pytest.raises(ValueError, match="positive"):
        Value(-1.0).log()


def test_xor_network_gradients_equal_neural_network():
    """Part 1's XOR network (sigmoid hidden layer, sigmoid output, MSE) built from Values."""
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([[0], [1], [1], [0]], dtype=float)
    net = NeuralNetwork(2, 4, 1, seed=0)
    W1 = [[Value(w) for w in row] for row in net.W1]
    b1 = [Value(b) for b in net.b1[0]]
    W2 = [[Value(w) for w in row] for row in net.W2]
    b2 = [Value(b) for b in net.b2[0]]
    loss = Value(0.0)
    for xi, yi in zip(X, y):
        h = [(sum((W1[i][j] * xi[i] for i in range(2)), b1[j])).sigmoid() for j in range(4)]
        out = (sum((W2[j][0] * h[j] for j in range(4)), b2[0])).sigmoid()
        loss = loss + (out - yi[0]) ** 2
    loss = loss / 4
    loss.backward()
    grads = net.compute_gradients(X, y)
    assert math.isclose(loss.data, net.loss(X, y), rel_tol=1e-12)
    assert np.allclose([[w.grad for w in row] for row in W1], grads["W1"], rtol=1e-10, atol=1e-14)
    assert np.allclose([[b.grad for b in b1]], grads["b1"], rtol=1e-10, atol=1e-14)
    assert np.allclose([[w.grad for w in row] for row in W2], grads["W2"], rtol=1e-10, atol=1e-14)
    assert np.allclose([[b2[0].grad]], grads["b2"], rtol=1e-10, atol=1e-14)


def test_repr():
    assert repr(Value(1.5)) == "Value(data=1.5, grad=0)"
