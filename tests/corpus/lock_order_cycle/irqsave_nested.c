// SPDX-License-Identifier: GPL-2.0
/*
 * A UART with port state under up->lock and the divisor/IER register window
 * under up->hw_lock. Starting TX and changing the modem lines take lock
 * (with spin_lock_irqsave() / spin_lock_irq()) and then hw_lock; setting
 * the baud rate takes hw_lock with spin_lock_irqsave() and then lock. The
 * IRQ-disabling variants order locks like plain spin_lock(); two functions
 * agree, one disagrees, and that one is reported.
 */
#include <linux/io.h>
#include <linux/spinlock.h>

#define FOO_UART_DLL	0x00
#define FOO_UART_IER	0x04
#define FOO_UART_MCR	0x10
#define FOO_IER_THRI	0x02

struct foo_uart_port {
	spinlock_t lock;		/* port state */
	spinlock_t hw_lock;		/* DLL/IER register window */
	void __iomem *membase;
	unsigned int baud;
	unsigned int uartclk;
	u32 ier;
	u32 mctrl;
};

static inline void foo_uart_write(struct foo_uart_port *up, unsigned int reg, u32 val)
{
	writel(val, up->membase + reg);
}

static void foo_uart_start_tx(struct foo_uart_port *up)
{
	unsigned long flags;

	spin_lock_irqsave(&up->lock, flags);
	up->ier |= FOO_IER_THRI;
	spin_lock(&up->hw_lock);
	foo_uart_write(up, FOO_UART_IER, up->ier);
	spin_unlock(&up->hw_lock);
	spin_unlock_irqrestore(&up->lock, flags);
}

static void foo_uart_set_baud(struct foo_uart_port *up, unsigned int baud)
{
	unsigned long flags;

	spin_lock_irqsave(&up->hw_lock, flags);
	foo_uart_write(up, FOO_UART_DLL, up->uartclk / (16 * baud));
	spin_lock(&up->lock);	//~ lock-order-cycle
	up->baud = baud;
	spin_unlock(&up->lock);
	spin_unlock_irqrestore(&up->hw_lock, flags);
}

static void foo_uart_set_mctrl(struct foo_uart_port *up, u32 mctrl)
{
	spin_lock_irq(&up->lock);
	up->mctrl = mctrl;
	spin_lock(&up->hw_lock);
	foo_uart_write(up, FOO_UART_MCR, mctrl);
	spin_unlock(&up->hw_lock);
	spin_unlock_irq(&up->lock);
}
