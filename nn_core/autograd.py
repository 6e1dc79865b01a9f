"""A tiny scalar autograd engine (Part 4), in the spirit of Karpathy's micrograd.

A ``Value`` holds one number (``data``) and, after ``backward()``, the derivative of the final
result with respect to it (``grad``). Every operation records its inputs and a small function
that pushes the output's gradient back to them (the local chain rule); ``backward()`` visits the
graph in reverse topological order so that each node's gradient is complete before it is passed
on.

    from nn_core.autograd import Value
    x, w, b = Value(2.0), Value(-3.0), Value(1.0)
    y = (x * w + b).tanh()
    y.backward()
    x.grad, w.grad          # dy/dx, dy/dw

Supported: ``+ - * / **`` (power by a constant), unary minus, ``exp``, ``log``, ``tanh``, ``relu``
and ``sigmoid``, mixed with plain Python or NumPy scalars. A ``Value`` is one number: combining
it with a NumPy array raises a TypeError instead of silently building an array of objects.
"""
from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = ["Value", "topological_order"]


def _check_number(x, what="a Value"):
    if isinstance(x, np.ndarray):
        raise TypeError(f"{what} holds a single number and cannot be combined with a NumPy array of shape "
                        f"{x.shape}: loop over the array's numbers and make each one a Value, "
                        "e.g. [Value(float(v)) for v in array.ravel()]")
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"{what} can be combined only with another Value or a real number; "
                        f"got {type(x).__name__}")
    if not math.isfinite(float(x)):
        raise ValueError(f"{what} needs a finite number; got {x!r}")
    return float(x)


class Value:
    """One number in a computation graph, with its gradient."""

    __slots__ = ("data", "grad", "_prev", "_op", "_backward", "label")
    __array_ufunc__ = None   # NumPy hands `array + Value` to Value.__radd__, which refuses it clearly

    def __init__(self, data, _children=(), _op="", label=""):
        self.data = _check_number(data, "Value(...)")
        self.grad = 0.0
        self._prev = tuple(_children)
        self._op = _op
        self._backward = lambda: None
        self.label = label

    def __repr__(self):
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    @staticmethod
    def _lift(other):
        return other if isinstance(other, Value) else Value(_check_number(other))

    # -- the operations: each sets the local chain rule of its output ----------------------------
    def __add__(self, other):
        other = self._lift(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = self._lift(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        if isinstance(k, Value):
            raise TypeError("Value ** Value is not supported: the exponent must be a constant number "
                            "(write exp(k * log(x)) for a variable exponent)")
        k = _check_number(k, "the exponent of a Value")
        if self.data == 0 and k < 1:
            raise ZeroDivisionError(f"0 ** {k:g}: its derivative is not defined")
        out = Value(self.data ** k, (self,), f"**{k:g}")

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():
            self.grad += out.data * out.grad          # (eˣ)' = eˣ
        out._backward = _backward
        return out

    def log(self):
        if self.data <= 0:
            raise ValueError(f"log needs a positive number; got {self.data!r}")
        out = Value(math.log(self.data), (self,), "log")

        def _backward():
            self.grad += out.grad / self.data          # (ln x)' = 1/x
        out._backward = _backward
        return out

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,), "tanh")

        def _backward():
            self.grad += (1 - t * t) * out.grad       # tanh' = 1 − tanh²
        out._backward = _backward
        return out

    def relu(self):
        out = Value(self.data if self.data > 0 else 0.0, (self,), "relu")

        def _backward():
            self.grad += (self.data > 0) * out.grad   # 1 for x > 0, else 0
        out._backward = _backward
        return out

    def sigmoid(self):
        x = self.data
        s = 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))
        out = Value(s, (self,), "sigmoid")

        def _backward():
            self.grad += s * (1 - s) * out.grad       # σ' = σ(1 − σ)
        out._backward = _backward
        return out

    # -- everything else is built from the above -----------------------------------------------
    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-self._lift(other))

    def __rsub__(self, other):
        return self._lift(other) + (-self)

    def __rmul__(self, other):
        return self * other

    def __truediv__(self, other):
        return self * self._lift(other) ** -1

    def __rtruediv__(self, other):
        return self._lift(other) * self ** -1

    # -- the backward pass -----------------------------------------------------------------------
    def backward(self):
        """Set ``grad`` of every Value this one depends on to d(self)/d(that Value). Their old
        gradients are reset first, so each call gives the gradients of this result alone."""
        order = topological_order(self)
        for v in order:
            v.grad = 0.0
        self.grad = 1.0
        for v in reversed(order):
            v._backward()

    def zero_grad(self):
        """Set the gradient of this Value and of everything it depends on to 0."""
        for v in topological_order(self):
            v.grad = 0.0


def topological_order(root):
    """Every Value ``root`` depends on, each after all of its inputs (``root`` last)."""
    order, seen = [], set()
    stack = [(root, False)]
    while stack:                      # iterative depth-first search: deep graphs need no recursion
        v, children_done = stack.pop()
        if children_done:
            order.append(v)
            continue
        if id(v) in seen:
            continue
        seen.add(id(v))
        stack.append((v, True))
        for child in v._prev:
            if id(child) not in seen:
                stack.append((child, False))
    return order
