"""nn_core: the NumPy library of the book *Neural Network dari Nol / Neural Networks from Scratch*.

Everything the chapters build, importable from the top level::

    from nn_core import DeepNeuralNetwork, one_hot, train_minibatch, load_mnist
"""
from .activations import (ACTIVATIONS, DERIVATIVES, relu, relu_derivative, sigmoid, sigmoid_derivative,
                          softmax, step, tanh, tanh_derivative)
from .display import show_source
from .datasets import (DATA_DIR_ENV, IRIS_CLASSES, IRIS_FEATURES, DatasetError, data_dir, load_iris,
                       load_mnist, make_sin, make_xor)
from .datasets import FASHION_MNIST_CLASSES, load_fashion_mnist
from .conv import col2im, conv2d, conv2d_backward, conv_output_size, im2col
from .pooling import max_pool2d, max_pool2d_backward
from .optimizers import SGD, Adam, Momentum
from .cnn import ConvNet
from .cnn_training import train_cnn
from .augment import random_shift
from .i18n import get_language, set_language
from .formatting import fmt, pct
from .gradcheck import gradient_check, numerical_gradient, relative_error
from .losses import cross_entropy_loss, mean_squared_error
from .metrics import accuracy, confusion_matrix
from .networks import DeepNeuralNetwork, NeuralNetwork, TrainingDivergedError
from .perceptron import perceptron
from .preprocessing import normalize, one_hot, standardize, train_test_split
from .training import create_minibatches, fit, train_minibatch
from .regularization import (batchnorm_backward, batchnorm_forward, dropout_backward, dropout_forward,
                             l2_penalty)
from .autograd import Value

__version__ = "1.3.0"

__all__ = [
    "ACTIVATIONS", "DERIVATIVES", "DATA_DIR_ENV", "IRIS_CLASSES", "IRIS_FEATURES", "DatasetError",
    "DeepNeuralNetwork", "NeuralNetwork", "accuracy", "confusion_matrix", "create_minibatches",
    "cross_entropy_loss", "data_dir", "fit", "fmt", "pct", "get_language", "set_language", "gradient_check",
    "load_iris", "load_mnist", "make_sin", "make_xor",
    "mean_squared_error", "normalize", "numerical_gradient", "one_hot", "perceptron", "relative_error",
    "relu", "relu_derivative", "show_source", "sigmoid", "sigmoid_derivative", "softmax", "standardize", "step", "tanh",
    "tanh_derivative", "train_minibatch", "train_test_split", "TrainingDivergedError",
    # Part 3: convolutional networks
    "FASHION_MNIST_CLASSES", "load_fashion_mnist", "col2im", "conv2d", "conv2d_backward", "conv_output_size",
    "im2col", "max_pool2d", "max_pool2d_backward", "SGD", "Adam", "Momentum", "ConvNet", "train_cnn",
    "random_shift",
    # Part 4: training well, autograd
    "batchnorm_backward", "batchnorm_forward", "dropout_backward", "dropout_forward", "l2_penalty", "Value",
]
