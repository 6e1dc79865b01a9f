import numpy as np
import pytest

from nn_core import DeepNeuralNetwork, NeuralNetwork, make_sin, make_xor, one_hot, train_minibatch


# -- a forward/backward pass worked out by hand --------------------------------------

def test_neural_network_by_hand():
    # X = [1, 2], W1 = [0.1, 0.2]ᵀ, W2 = [0.5], biases 0, target y = 1
    nn = NeuralNetwork(2, 1, 1, seed=0)
    nn.W1[:] = [[0.1], [0.2]]
    nn.W2[:] = [[0.5]]
    X, y = np.array([[1.0, 2.0]]), np.array([[1.0]])
    a2 = nn.forward(X)
    # z1 = 0.1·1 + 0.2·2 = 0.5;  a1 = σ(0.5) = 0.6224593312
    assert nn.a1[0, 0] == pytest.approx(0.6224593312018546, abs=1e-12)
    # z2 = 0.5·a1 = 0.3112296656;  a2 = σ(z2) = 0.5771853801
    assert a2[0, 0] == pytest.approx(0.5771853801446523, abs=1e-12)
    g = nn.gradients(X, y)
    # dz2 = −2(y − a2)·a2(1 − a2) = −0.2063694036;  dW2 = a1·dz2 = −0.1284565610
    assert g["b2"][0, 0] == pytest.approx(-0.20636940362260542, abs=1e-12)
    assert g["W2"][0, 0] == pytest.approx(-0.12845656095945257, abs=1e-12)
    # dz1 = dz2·W2·a1(1 − a1) = −0.0242487880;  dW1 = X ᵀ·dz1 = [−0.0242488, −0.0484976]
    np.testing.assert_allclose(g["W1"].ravel(), [-0.02424878796807073, -0.04849757593614146], atol=1e-12)
    nn.backward(X, y, lr=1.0)
    assert nn.W2[0, 0] == pytest.approx(0.5 + 0.12845656095945257)


def test_deep_network_by_hand():
    # [2, 2, 2]: X = [1, −1], ReLU hidden layer, softmax output, target class 1
    net = DeepNeuralNetwork([2, 2, 2], dtype=np.float64, seed=0)
    net.params["W1"][:] = [[1.0, -1.0], [-2.0, 0.5]]
    net.params["b1"][:] = [[0.0, 0.5]]
    net.params["W2"][:] = [[1.0, -1.0], [0.5, 0.5]]
    X, Y = np.array([[1.0, -1.0]]), np.array([[0.0, 1.0]])
    p = net.forward(X)
    # z1 = [1·1 + (−1)(−2), 1·(−1) + (−1)(0.5) + 0.5] = [3, −1]  →  a1 = ReLU = [3, 0]
    np.testing.assert_array_equal(net.activations[1], [[3.0, 0.0]])
    # z2 = [3, −3]  →  softmax = [1, e⁻⁶] / (1 + e⁻⁶) = [0.99752738, 0.00247262]
    np.testing.assert_allclose(p, [[0.9975273768433653, 0.0024726231566347743]], atol=1e-12)
    assert net.loss(X, Y) == pytest.approx(6.00247568513773)
    g = net.compute_gradients(X, Y)
    # dz2 = ŷ − y = [0.99753, −0.99753];  dW2 = a1ᵀ dz2
    np.testing.assert_allclose(g["W2"], [[2.99258213, -2.99258213], [0.0, 0.0]], atol=1e-8)
    # da1 = dz2 W2ᵀ = [1.99505, 0];  ReLU'(z1) = [1, 0];  dW1 = Xᵀ dz1
    np.testing.assert_allclose(g["W1"], [[1.99505475, 0.0], [-1.99505475, 0.0]], atol=1e-8)


# -- the seed's experiments --------------------------------------------------------

def test_neural_network_learns_xor():
    X, y = make_xor()
    np.random.seed(42)
    nn = NeuralNetwork(input_size=2, hidden_size=4, output_size=1)
    loss = nn.train(X, y, epochs=10000, lr=2.0, verbose=False)
    np.testing.assert_array_equal(np.round(nn.predict(X)), y)
    assert loss < 0.01


def test_neural_network_learns_sin():
    X, y = make_sin(200, seed=1)
    nn = NeuralNetwork(1, 8, 1, seed=1)
    nn.train(X, y, epochs=5000, lr=1.0, verbose=False)
    assert np.mean((nn.predict(X) > 0.5) == y) >= 0.95


def test_deep_network_learns_xor():
    X, y = make_xor()
    net = DeepNeuralNetwork([2, 8, 2], seed=3)
    Y = one_hot(y.ravel().astype(int), 2)
    for _ in range(2000):
        net.forward(X)
        net.backward(Y, lr=0.5)
    np.testing.assert_array_equal(net.predict(X), y.ravel())
    assert net.accuracy(X, y.ravel()) == 100.0


def test_seed_shapes():
    net = DeepNeuralNetwork([784, 128, 64, 10])
    shapes = {k: v.shape for k, v in net.params.items()}
    assert shapes == {"W1": (784, 128), "b1": (1, 128), "W2": (128, 64), "b2": (1, 64),
                      "W3": (64, 10), "b3": (1, 10)}
    assert net.L == 3 and net.n_params() == 784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10


def test_he_initialisation_scale():
    net = DeepNeuralNetwork([1000, 500, 10], seed=0, dtype=np.float64)
    assert net.params["W1"].std() == pytest.approx(np.sqrt(2 / 1000), rel=0.02)
    assert np.all(net.params["b1"] == 0)


def test_seed_none_uses_global_generator_like_the_seed_page():
    np.random.seed(42)
    expected = np.random.randn(4, 16) * np.sqrt(2.0 / 4)
    np.random.seed(42)
    net = DeepNeuralNetwork([4, 16, 3], dtype=np.float64)
    np.testing.assert_array_equal(net.params["W1"], expected)


def test_seeded_runs_are_bit_for_bit_repeatable():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 5))
    Y = one_hot(rng.integers(0, 3, 200), 3)

    def run():
        net = DeepNeuralNetwork([5, 16, 8, 3], seed=7)
        hist = train_minibatch(net, X, Y, epochs=3, lr=0.1, batch_size=32, seed=11, verbose=False)
        return net, hist

    (a, ha), (b, hb) = run(), run()
    for k in a.params:
        assert np.array_equal(a.params[k], b.params[k]), k
    assert ha["loss"] == hb["loss"]


def test_float32_is_the_default_and_is_kept():
    net = DeepNeuralNetwork([3, 4, 2])
    assert net.params["W1"].dtype == np.float32
    assert net.forward(np.ones((2, 3))).dtype == np.float32


def test_params_cannot_be_replaced_silently():
    net = DeepNeuralNetwork([3, 4, 2])
    with pytest.raises(TypeError):
        net.params["W1"] = np.zeros((3, 4))


def test_backward_updates_params_in_place():
    net = DeepNeuralNetwork([3, 4, 2], seed=0)
    W1 = net.params["W1"]
    before = W1.copy()
    net.forward(np.ones((2, 3)))
    net.backward(np.array([[1, 0], [0, 1]]), lr=0.5)
    assert net.params["W1"] is W1 and not np.array_equal(W1, before)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid"])
def test_hidden_activations(activation):
    net = DeepNeuralNetwork([2, 3, 2], hidden_activation=activation, seed=0)
    assert np.all(np.isfinite(net.forward(np.ones((4, 2)))))


# -- bad input gets a clear error ---------------------------------------------------

@pytest.fixture
def net():
    return DeepNeuralNetwork([4, 5, 3], seed=0)


def test_wrong_number_of_features(net):
    with pytest.raises(ValueError, match="X has 5 features but the input layer expects 4"):
        net.forward(np.ones((2, 5)))
    with pytest.raises(ValueError, match="X has 3 features but the input layer expects 2"):
        NeuralNetwork(2, 3, 1).forward(np.ones((4, 3)))


def test_one_dimensional_X_is_refused_with_a_hint(net):
    with pytest.raises(ValueError, match=r"X must be a 2-D array; got shape \(4,\).*reshape"):
        net.forward(np.ones(4))


def test_targets_must_match_batch_and_output_layer(net):
    net.forward(np.ones((2, 4)))
    with pytest.raises(ValueError, match="y_onehot has 3 rows but the last forward\\(\\) batch has 2 samples"):
        net.backward(np.eye(3), lr=0.1)
    with pytest.raises(ValueError, match="y_onehot has 10 columns but the output layer has 3 units"):
        net.backward(np.zeros((2, 10)), lr=0.1)
    with pytest.raises(ValueError, match="one-hot"):
        net.backward(np.array([0, 1]), lr=0.1)
    nn = NeuralNetwork(2, 3, 1)
    nn.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"y must have shape \(4, 1\); got shape \(4,\)"):
        nn.backward(np.ones((4, 2)), np.ones(4))


def test_labels_must_be_valid(net):
    X = np.ones((3, 4))
    with pytest.raises(ValueError, match="y contains label 3 but there are only 3 classes"):
        net.accuracy(X, np.array([0, 1, 3]))
    with pytest.raises(ValueError, match="negative"):
        net.accuracy(X, np.array([0, -1, 2]))
    with pytest.raises(ValueError, match="non-integer"):
        net.accuracy(X, np.array([0, 1.5, 2]))
    with pytest.raises(ValueError, match="y has 2 labels but X has 3 samples"):
        net.accuracy(X, np.array([0, 1]))


def test_nan_and_inf_inputs_are_refused(net):
    X = np.ones((2, 4))
    X[0, 1] = np.inf
    with pytest.raises(ValueError, match="X contains 1 NaN or infinite value"):
        net.forward(X)


@pytest.mark.parametrize("sizes, error, match", [
    ([10], ValueError, "at least two sizes"),
    ([], ValueError, "at least two sizes"),
    ([4, 0, 3], ValueError, r"layer_sizes\[1\] must be a positive integer; got 0"),
    ([4, -2, 3], ValueError, "positive integer"),
    ([4, 2.5, 3], TypeError, "positive integer"),
    ("784", TypeError, "list of layer widths"),
    ([4, 1], ValueError, "at least 2 units"),
])
def test_bad_layer_sizes(sizes, error, match):
    with pytest.raises(error, match=match):
        DeepNeuralNetwork(sizes)


@pytest.mark.parametrize("lr", [0, -0.1, float("nan"), float("inf")])
def test_bad_learning_rate(net, lr):
    net.forward(np.ones((2, 4)))
    with pytest.raises(ValueError, match="lr must be a positive, finite number"):
        net.backward(np.array([[1, 0, 0], [0, 1, 0]]), lr=lr)


def test_bad_epochs():
    X, y = make_xor()
    with pytest.raises(ValueError, match="epochs must be a positive integer; got 0"):
        NeuralNetwork(2, 2, 1).train(X, y, epochs=0)
    with pytest.raises(TypeError, match="epochs must be a positive integer"):
        NeuralNetwork(2, 2, 1).train(X, y, epochs=10.5)


def test_backward_before_forward():
    with pytest.raises(RuntimeError, match="call forward\\(X\\) first"):
        DeepNeuralNetwork([2, 3, 2]).backward(np.array([[1, 0]]), lr=0.1)
    with pytest.raises(RuntimeError, match="call forward\\(X\\) first"):
        NeuralNetwork(2, 3, 1).backward(np.ones((1, 2)), np.ones((1, 1)))


def test_bad_dtype_and_activation():
    with pytest.raises(TypeError, match="dtype must be float32 or float64"):
        DeepNeuralNetwork([2, 2], dtype=np.int32)
    with pytest.raises(ValueError, match="hidden_activation must be one of"):
        DeepNeuralNetwork([2, 3, 2], hidden_activation="swish")
    with pytest.raises(TypeError, match="X must hold numbers"):
        DeepNeuralNetwork([2, 2]).forward([["a", "b"]])
